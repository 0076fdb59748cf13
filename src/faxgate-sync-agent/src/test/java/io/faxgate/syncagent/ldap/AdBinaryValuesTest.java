package io.faxgate.syncagent.ldap;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdBinaryValuesTest {

    @Test
    void objectGuidIsDecodedInMicrosoftMixedEndianLayout() {
        // Vector from Microsoft's Guid.ToByteArray documentation: 35918bc9-196d-40ea-9779-889d79b753f0
        byte[] raw = HexFormat.of().parseHex("c98b91356d19ea409779889d79b753f0");
        assertThat(ObjectGuid.toCanonical(raw)).isEqualTo("35918bc9-196d-40ea-9779-889d79b753f0");
    }

    @Test
    void objectGuidByteOrderPerField() {
        byte[] raw = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f10");
        assertThat(ObjectGuid.toCanonical(raw)).isEqualTo("04030201-0605-0807-090a-0b0c0d0e0f10");
        assertThat(ObjectGuid.toBytes("04030201-0605-0807-090a-0b0c0d0e0f10")).isEqualTo(raw);
    }

    @Test
    void objectGuidOfWrongLengthIsRefused() {
        assertThatThrownBy(() -> ObjectGuid.toCanonical(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void objectSidWellKnownAdministrators() {
        byte[] raw = HexFormat.of().parseHex("01020000000000052000000020020000");
        assertThat(ObjectSid.toText(raw)).isEqualTo("S-1-5-32-544");
    }

    @Test
    void objectSidDomainAccountRoundTrip() {
        String sid = "S-1-5-21-1004336348-1177238915-682003330-1105";
        assertThat(ObjectSid.toText(ObjectSid.toBytes(sid))).isEqualTo(sid);
        assertThat(ObjectSid.toBytes(sid)).hasSize(28);
    }

    @Test
    void accountDisableBit() {
        assertThat(UserAccountControl.isDisabled("512")).isFalse();
        assertThat(UserAccountControl.isDisabled("514")).isTrue();
        assertThat(UserAccountControl.isDisabled("66050")).isTrue(); // DONT_EXPIRE_PASSWORD | NORMAL | DISABLE
        assertThat(UserAccountControl.isDisabled(null)).isFalse();
    }
}
