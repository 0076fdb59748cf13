package io.faxgate.sso.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignedMetadataCacheTest {

    private static SamlTenantConfiguration configuration(long version, String spCertificate) {
        return configuration(version, spCertificate, "ENC-A");
    }

    private static SamlTenantConfiguration configuration(long version, String spCertificate, String encryptionCertificate) {
        return new SamlTenantConfiguration("acme", version, true, "https://login.example/saml2", "api://1", "https://sts/", List.of(),
                false, false, 120, null, "https://fg/sso/acme/acs", "https://fg/sso/acme/slo", spCertificate, null,
                encryptionCertificate, null, false, false);
    }

    @Test
    void signsOncePerSettingsVersionAndSpCertificate() {
        SignedMetadataCache cache = new SignedMetadataCache();
        AtomicInteger signatures = new AtomicInteger();

        for (int i = 0; i < 100; i++) {
            assertThat(cache.of(configuration(3, "CERT-A"), () -> "signed-" + signatures.incrementAndGet())).isEqualTo("signed-1");
        }
        assertThat(signatures).hasValue(1);

        assertThat(cache.of(configuration(4, "CERT-A"), () -> "signed-" + signatures.incrementAndGet()))
                .as("settings saved (on any node): new version, signed anew").isEqualTo("signed-2");
        assertThat(cache.of(configuration(4, "CERT-B"), () -> "signed-" + signatures.incrementAndGet()))
                .as("SP key rotated").isEqualTo("signed-3");
        assertThat(cache.of(configuration(4, "CERT-B", "ENC-B"), () -> "signed-" + signatures.incrementAndGet()))
                .as("SP encryption key rotated").isEqualTo("signed-4");
        assertThat(cache.of(configuration(3, "CERT-A"), () -> "signed-" + signatures.incrementAndGet()))
                .as("an older version read by a lagging request is never served from the newer entry").isEqualTo("signed-5");
    }
}
