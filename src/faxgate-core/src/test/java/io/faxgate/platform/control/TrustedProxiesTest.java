package io.faxgate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 2001:db8:1::/48 ,127.0.0.1");

    @Test
    void aClientTalkingToANodeDirectlyCannotChooseItsAddress() {
        assertThat(proxies.clientAddress("198.51.100.7", List.of("203.0.113.99"))).as("untrusted peer: XFF ignored")
                .isEqualTo("198.51.100.7");
        assertThat(proxies.secure("198.51.100.7", false, "https")).isFalse();
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        assertThat(proxies.clientAddress("10.1.2.3", List.of("203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(proxies.clientAddress("10.1.2.3", List.of("6.6.6.6, 203.0.113.5, 10.9.9.9")))
                .as("the client forged 6.6.6.6; our second proxy 10.9.9.9 is skipped").isEqualTo("203.0.113.5");
        assertThat(proxies.clientAddress("10.1.2.3", List.of("6.6.6.6", "203.0.113.5")))
                .as("several header lines count in order").isEqualTo("203.0.113.5");
    }

    @Test
    void garbledOrNamedHopsAreNeverBelievedNorLookedUp() {
        assertThat(proxies.clientAddress("10.1.2.3", List.of("evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(proxies.clientAddress("10.1.2.3", List.of("203.0.113.5, unknown")))
                .as("a garbled right-most hop: the proxy itself is what we know").isEqualTo("10.1.2.3");
        assertThat(proxies.clientAddress("10.1.2.3", List.of("1.2.3"))).isEqualTo("10.1.2.3");
    }

    @Test
    void portsAndIpv6AreUnderstood() {
        assertThat(proxies.clientAddress("10.1.2.3", List.of("203.0.113.5:51234"))).isEqualTo("203.0.113.5");
        assertThat(proxies.clientAddress("2001:db8:1::10", List.of("[2001:db8:ffff::1]:443")))
                .isEqualTo("2001:db8:ffff::1");
        assertThat(proxies.isTrusted("2001:db8:2::1")).isFalse();
        assertThat(proxies.isTrusted("10.255.255.255")).isTrue();
        assertThat(proxies.isTrusted("11.0.0.0")).isFalse();
        assertThat(proxies.isTrusted("127.0.0.2")).as("a single address means /32").isFalse();
    }

    @Test
    void theSchemeComesFromATrustedProxyOnly() {
        assertThat(proxies.secure("10.1.2.3", false, "https")).isTrue();
        assertThat(proxies.secure("10.1.2.3", false, "https, http")).as("the client's scheme comes first").isTrue();
        assertThat(proxies.secure("10.1.2.3", true, "http")).isFalse();
        assertThat(proxies.secure("10.1.2.3", true, null)).isTrue();
    }

    @Test
    void nobodyIsTrustedByDefaultAndTyposAreErrors() {
        assertThat(TrustedProxies.none().clientAddress("10.1.2.3", List.of("203.0.113.5"))).isEqualTo("10.1.2.3");
        assertThat(TrustedProxies.parse("").isTrusted("127.0.0.1")).isFalse();
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.local")).isInstanceOf(IllegalArgumentException.class);
    }
}
