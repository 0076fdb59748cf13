package io.faxgate.syncagent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentConfigFileTest {

    @TempDir
    Path dir;

    private static final Map<String, String> ENV = Map.of(
            AgentConfigFile.ENV_LDAP_BIND_PASSWORD, "bind-secret",
            AgentConfigFile.ENV_SCIM_TOKEN, "scim-secret");

    private Path write(String... lines) throws Exception {
        Path p = dir.resolve("agent.properties");
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    private static final String[] MINIMAL = {
            "faxgate.baseUrl=https://faxgate.example.com",
            "faxgate.tenant=acme",
            "ldap.url=ldaps://dc1.corp.example.com:636",
            "ldap.bindDn=svc-faxgate@corp.example.com",
            "users.baseDn=DC=corp,DC=example,DC=com"};

    @Test
    void minimalFileGetsTheDocumentedDefaults() throws Exception {
        AgentConfig c = AgentConfigFile.load(write(MINIMAL), ENV);
        assertThat(c.faxgate().scimBase()).hasToString("https://faxgate.example.com/scim/v2/acme");
        assertThat(c.faxgate().token().reveal()).isEqualTo("scim-secret");
        assertThat(c.faxgate().token()).hasToString("****");
        assertThat(c.directory().port()).isEqualTo(636);
        assertThat(c.directory().bindPassword().reveal()).isEqualTo("bind-secret");
        assertThat(c.directory().pageSize()).isEqualTo(500);
        assertThat(c.directory().groups().filter()).isEqualTo(AgentConfigFile.DEFAULT_GROUP_FILTER);
        assertThat(c.directory().groups().baseDn()).isEqualTo("DC=corp,DC=example,DC=com");
        assertThat(c.stateFile()).isEqualTo(dir.toAbsolutePath().resolve("faxgate-sync-state.json"));
        assertThat(c.daemonInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.maxDeactivations()).isEqualTo(500);
    }

    @Test
    void secretsFromFilesWinOverEnvironment() throws Exception {
        Files.writeString(dir.resolve("token.txt"), "from-file\n");
        Files.writeString(dir.resolve("bind.txt"), "bind-from-file\n");
        AgentConfig c = AgentConfigFile.load(write(concat(MINIMAL, "faxgate.tokenFile=token.txt",
                "ldap.bindPasswordFile=bind.txt")), ENV);
        assertThat(c.faxgate().token().reveal()).isEqualTo("from-file");
        assertThat(c.directory().bindPassword().reveal()).isEqualTo("bind-from-file");
    }

    @Test
    void missingSecretNamesTheEnvironmentVariable() throws Exception {
        Path p = write(MINIMAL);
        assertThatThrownBy(() -> AgentConfigFile.load(p, Map.of(AgentConfigFile.ENV_LDAP_BIND_PASSWORD, "x")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("FAXGATE_SCIM_TOKEN");
    }

    @Test
    void inlineSecretsAreRefused() throws Exception {
        Path p = write(concat(MINIMAL, "ldap.bindPassword=hunter2"));
        assertThatThrownBy(() -> AgentConfigFile.load(p, ENV)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ldap.bindPassword").hasMessageNotContaining("hunter2");
    }

    @Test
    void unknownKeysAreRefused() throws Exception {
        Path p = write(concat(MINIMAL, "ldap.pagesize=100"));
        assertThatThrownBy(() -> AgentConfigFile.load(p, ENV)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ldap.pagesize");
    }

    @Test
    void plainLdapToARemoteHostIsRefused() throws Exception {
        Path p = write(concat(MINIMAL, "ldap.url=ldap://dc1.corp.example.com"));
        assertThatThrownBy(() -> AgentConfigFile.load(p, ENV)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unencrypted");
        AgentConfig startTls = AgentConfigFile.load(write(concat(MINIMAL, "ldap.url=ldap://dc1.corp.example.com",
                "ldap.startTls=true")), ENV);
        assertThat(startTls.directory().port()).isEqualTo(389);
    }

    @Test
    void plainHttpOnlyForLocalhost() throws Exception {
        Path p = write(concat(MINIMAL, "faxgate.baseUrl=http://faxgate.example.com"));
        assertThatThrownBy(() -> AgentConfigFile.load(p, ENV)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("https");
    }

    @Test
    void badFilterAndDurationAreReported() throws Exception {
        Path p1 = write(concat(MINIMAL, "users.filter=(objectClass=user"));
        assertThatThrownBy(() -> AgentConfigFile.load(p1, ENV)).hasMessageContaining("users.filter");
        Path p2 = write(concat(MINIMAL, "daemon.interval=often"));
        assertThatThrownBy(() -> AgentConfigFile.load(p2, ENV)).hasMessageContaining("daemon.interval");
    }

    @Test
    void durations() {
        assertThat(DurationText.parse("15m", "x")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationText.parse("2h", "x")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("PT30S", "x")).isEqualTo(Duration.ofSeconds(30));
    }

    private static String[] concat(String[] base, String... more) {
        // later keys win in java.util.Properties
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
