package io.faxgate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 11 item 8: rotating through the addresses of one IPv6 /64 must not give fresh allowances. */
class AddressBlockTest {

    @Test
    void everyAddressOfOneIpv6Slash64IsOneKey() {
        String first = AddressBlock.keyOf("2001:db8:1:2::1");
        assertThat(first).isEqualTo("2001:db8:1:2::/64");
        assertThat(AddressBlock.keyOf("2001:0db8:0001:0002:ffff:ffff:ffff:fffe")).isEqualTo(first);
        assertThat(AddressBlock.keyOf("2001:db8:1:2:dead:beef:0:7")).isEqualTo(first);
        assertThat(AddressBlock.keyOf("[2001:db8:1:2::99]")).as("bracketed").isEqualTo(first);
        assertThat(AddressBlock.keyOf("2001:DB8:1:2::abcd")).as("upper case").isEqualTo(first);
        assertThat(AddressBlock.keyOf("fe80::1%eth0")).as("zone ids do not make new keys").isEqualTo(AddressBlock.keyOf("fe80::2"));
    }

    @Test
    void neighbouringIpv6NetworksAreDifferentKeys() {
        assertThat(AddressBlock.keyOf("2001:db8:1:3::1")).isNotEqualTo(AddressBlock.keyOf("2001:db8:1:2::1"));
        assertThat(AddressBlock.keyOf("::1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void ipv4AddressesAreTheirOwnKeyAlsoWhenMappedIntoIpv6() {
        assertThat(AddressBlock.keyOf("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(AddressBlock.keyOf("192.0.2.8")).isNotEqualTo(AddressBlock.keyOf("192.0.2.7"));
        assertThat(AddressBlock.keyOf("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void anythingElseIsKeptAsItIsAndNeverLookedUp() {
        assertThat(AddressBlock.keyOf(null)).isEmpty();
        assertThat(AddressBlock.keyOf("  ")).isEmpty();
        assertThat(AddressBlock.keyOf("evil.example")).isEqualTo("evil.example");
        assertThat(AddressBlock.keyOf("unknown")).isEqualTo("unknown");
        assertThat(AddressBlock.keyOf("1:2:zz::")).isEqualTo("1:2:zz::");
    }
}
