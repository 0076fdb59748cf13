package io.faxgate.syncagent.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import io.faxgate.syncagent.config.DirectorySettings;
import io.faxgate.syncagent.config.Secret;
import io.faxgate.syncagent.testsupport.ActiveDirectoryFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LDAPS and StartTLS against a server with a self-signed certificate for "localhost" (made with the JDK's keytool). */
class DirectoryTlsTest {

    @TempDir
    static Path dir;

    private static ActiveDirectoryFixture ad;
    private static Path caPem;
    private static Path trustP12;

    @BeforeAll
    static void start() throws Exception {
        Path serverP12 = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "dc", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-keystore", serverP12.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit");
        caPem = dir.resolve("dc.pem");
        keytool("-exportcert", "-rfc", "-alias", "dc", "-keystore", serverP12.toString(), "-storepass", "changeit",
                "-file", caPem.toString());
        trustP12 = dir.resolve("trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "dc", "-file", caPem.toString(), "-keystore", trustP12.toString(),
                "-storetype", "PKCS12", "-storepass", "trustpass");
        ad = new ActiveDirectoryFixture(serverP12, "changeit");
        ad.addUser("aarcher", "Alice", "Archer");
    }

    @AfterAll
    static void stop() {
        ad.close();
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(concat(keytool.toString(), args)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    private static List<String> concat(String first, String... rest) {
        List<String> l = new java.util.ArrayList<>(List.of(first));
        l.addAll(List.of(rest));
        return l;
    }

    private static DirectorySettings settings(String url, boolean startTls, Path trust, String type, String pin) {
        return new DirectorySettings(URI.create(url), startTls, trust, type, pin == null ? null : Secret.of(pin),
                ActiveDirectoryFixture.BIND_DN, Secret.of(ActiveDirectoryFixture.BIND_PASSWORD),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 100,
                new DirectorySettings.SearchScope(ActiveDirectoryFixture.USERS, "(objectClass=user)"),
                new DirectorySettings.SearchScope(ActiveDirectoryFixture.GROUPS, "(objectClass=group)"));
    }

    @Test
    void ldapsWithPemTrustReadsUsers() {
        DirectorySettings s = settings("ldaps://localhost:" + ad.ldapsPort(), false, caPem, null, null);
        try (LDAPConnection c = new DirectoryConnector(s).open()) {
            assertThat(new ActiveDirectoryReader(c, s).read(OptionalLong.empty()).users()).hasSize(1);
        }
    }

    @Test
    void ldapsWithPkcs12TrustStore() {
        DirectorySettings s = settings("ldaps://localhost:" + ad.ldapsPort(), false, trustP12, null, "trustpass");
        try (LDAPConnection c = new DirectoryConnector(s).open()) {
            assertThat(c.isConnected()).isTrue();
        }
    }

    @Test
    void startTlsUpgradesThePlainConnection() {
        DirectorySettings s = settings("ldap://localhost:" + ad.ldapPort(), true, caPem, "PEM", null);
        try (LDAPConnection c = new DirectoryConnector(s).open()) {
            assertThat(c.getSSLSession()).isNotNull();
        }
    }

    @Test
    void untrustedCertificateIsRefused() {
        DirectorySettings s = settings("ldaps://localhost:" + ad.ldapsPort(), false, null, null, null);
        assertThatThrownBy(() -> new DirectoryConnector(s).open()).isInstanceOf(DirectoryUnavailableException.class)
                .hasMessageContaining("Cannot connect");
    }

    @Test
    void hostNameMustMatchTheCertificate() throws Exception {
        Path otherP12 = dir.resolve("other.p12");
        keytool("-genkeypair", "-alias", "dc", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=dc9.elsewhere.example", "-ext", "SAN=dns:dc9.elsewhere.example", "-keystore",
                otherP12.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        Path otherPem = dir.resolve("other.pem");
        keytool("-exportcert", "-rfc", "-alias", "dc", "-keystore", otherP12.toString(), "-storepass", "changeit",
                "-file", otherPem.toString());
        try (ActiveDirectoryFixture other = new ActiveDirectoryFixture(otherP12, "changeit")) {
            DirectorySettings s = settings("ldaps://localhost:" + other.ldapsPort(), false, otherPem, null, null);
            assertThatThrownBy(() -> new DirectoryConnector(s).open()).isInstanceOf(DirectoryUnavailableException.class)
                    .hasMessageContaining("Cannot connect").hasMessageContaining("dc9.elsewhere.example");
        }
    }
}
