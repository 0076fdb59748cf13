package io.faxgate.sso.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SsoSettingsPageTest {

    @Test
    void derFromEntrasRawDownloadBecomesPem() {
        byte[] der = {0x30, (byte) 0x82, 0x01, 0x0a, 0x02, 0x01, 0x00, (byte) 0xff, (byte) 0xfe};
        String pem = SsoSettingsPage.certificateText(der);
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("\n-----END CERTIFICATE-----");
        assertThat(Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))).isEqualTo(der);
    }

    @Test
    void pemAndBareBase64ArePassedOnForTheFacadeToCheck() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        assertThat(SsoSettingsPage.certificateText(pem.getBytes(StandardCharsets.US_ASCII))).isEqualTo(pem.strip());
        assertThat(SsoSettingsPage.certificateText("MIIBabc+/=\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MIIBabc+/=");
    }

    @Test
    void pemLinesAre64Characters() {
        String pem = SsoSettingsPage.pem("A".repeat(136)); // 102 bytes
        assertThat(pem.lines().toList()).containsExactly("-----BEGIN CERTIFICATE-----", "A".repeat(64), "A".repeat(64), "AAAAAAAA",
                "-----END CERTIFICATE-----");
    }
}
