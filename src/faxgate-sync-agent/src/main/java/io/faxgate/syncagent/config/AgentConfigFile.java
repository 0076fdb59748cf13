package io.faxgate.syncagent.config;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agent's configuration file: Java properties, one {@code key = value} a line. Every key is listed in
 * {@link #KNOWN_KEYS} and documented in README.md. Relative paths are resolved against the directory of the
 * configuration file. Unknown keys are refused (they are nearly always typos), and so are keys that would hold
 * a secret inline.
 */
public final class AgentConfigFile {

    public static final String ENV_LDAP_BIND_PASSWORD = "FAXGATE_LDAP_BIND_PASSWORD";
    public static final String ENV_LDAP_TRUSTSTORE_PASSWORD = "FAXGATE_LDAP_TRUSTSTORE_PASSWORD";
    public static final String ENV_SCIM_TOKEN = "FAXGATE_SCIM_TOKEN";

    public static final String DEFAULT_USER_FILTER = "(&(objectCategory=person)(objectClass=user))";
    /** Security groups only: groupType has bit 0x80000000 (GROUP_TYPE_SECURITY_ENABLED). */
    public static final String DEFAULT_GROUP_FILTER =
            "(&(objectClass=group)(groupType:1.2.840.113556.1.4.803:=2147483648))";

    static final Set<String> KNOWN_KEYS = Set.of(
            "faxgate.baseUrl", "faxgate.tenant", "faxgate.tokenFile", "faxgate.connectTimeout",
            "faxgate.readTimeout", "faxgate.maxRetries", "faxgate.maxRetryWait",
            "ldap.url", "ldap.startTls", "ldap.allowUnencrypted", "ldap.trustStore", "ldap.trustStoreType",
            "ldap.trustStorePasswordFile", "ldap.bindDn", "ldap.bindPasswordFile", "ldap.connectTimeout",
            "ldap.responseTimeout", "ldap.pageSize",
            "users.baseDn", "users.filter", "groups.baseDn", "groups.filter",
            "state.file", "daemon.interval", "daemon.fullSyncEvery", "sync.maxDeactivations");

    private final Properties properties;
    private final Path directory;
    private final SecretSource secrets;

    private AgentConfigFile(Properties properties, Path directory, Map<String, String> environment) {
        this.properties = properties;
        this.directory = directory;
        this.secrets = new SecretSource(environment);
    }

    /** Reads and checks the file; secrets come from {@code environment} or from the files the config names. */
    public static AgentConfig load(Path file, Map<String, String> environment) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Configuration file " + file + " is malformed: " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return new AgentConfigFile(p, dir, environment).toConfig();
    }

    private AgentConfig toConfig() {
        refuseInlineSecretsAndUnknownKeys();

        URI ldapUrl = uri("ldap.url");
        String scheme = ldapUrl.getScheme() == null ? "" : ldapUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
            throw new ConfigurationException("ldap.url must start with ldaps:// or ldap:// (got '" + ldapUrl + "')");
        }
        if (ldapUrl.getHost() == null) {
            throw new ConfigurationException("ldap.url has no host: '" + ldapUrl + "'");
        }
        boolean startTls = bool("ldap.startTls", false);
        if (startTls && scheme.equals("ldaps")) {
            throw new ConfigurationException("ldap.startTls=true makes no sense with ldaps:// (already TLS)");
        }
        if (scheme.equals("ldap") && !startTls && !bool("ldap.allowUnencrypted", false) && !isLoopback(ldapUrl.getHost())) {
            throw new ConfigurationException("ldap.url uses plain ldap:// to " + ldapUrl.getHost()
                    + ": the bind password would cross the network unencrypted. Use ldaps://...:636, or set"
                    + " ldap.startTls=true (or ldap.allowUnencrypted=true if you really must)");
        }
        int pageSize = integer("ldap.pageSize", 500);
        if (pageSize < 1 || pageSize > 100_000) {
            throw new ConfigurationException("ldap.pageSize must be between 1 and 100000 (AD's MaxPageSize is 1000 by default)");
        }
        String usersBase = required("users.baseDn");
        DirectorySettings directory = new DirectorySettings(
                ldapUrl,
                startTls,
                path("ldap.trustStore"),
                optional("ldap.trustStoreType"),
                secrets.read(path("ldap.trustStorePasswordFile"), "ldap.trustStorePasswordFile",
                        ENV_LDAP_TRUSTSTORE_PASSWORD, false),
                required("ldap.bindDn"),
                secrets.read(path("ldap.bindPasswordFile"), "ldap.bindPasswordFile", ENV_LDAP_BIND_PASSWORD, true),
                duration("ldap.connectTimeout", Duration.ofSeconds(10)),
                duration("ldap.responseTimeout", Duration.ofSeconds(60)),
                pageSize,
                new DirectorySettings.SearchScope(usersBase, filter("users.filter", DEFAULT_USER_FILTER)),
                new DirectorySettings.SearchScope(optionalOr("groups.baseDn", usersBase),
                        filter("groups.filter", DEFAULT_GROUP_FILTER)));

        URI baseUrl = uri("faxgate.baseUrl");
        String webScheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!webScheme.equals("https") && !(webScheme.equals("http") && isLoopback(baseUrl.getHost()))) {
            throw new ConfigurationException("faxgate.baseUrl must be https:// (plain http is only accepted for"
                    + " localhost, for tests): '" + baseUrl + "'");
        }
        String tenant = required("faxgate.tenant");
        if (!tenant.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new ConfigurationException("faxgate.tenant '" + tenant + "' is not a tenant slug (letters, digits, . _ -)");
        }
        int maxRetries = integer("faxgate.maxRetries", 5);
        if (maxRetries < 0 || maxRetries > 20) {
            throw new ConfigurationException("faxgate.maxRetries must be between 0 and 20");
        }
        FaxgateSettings faxgate = new FaxgateSettings(
                baseUrl,
                tenant,
                secrets.read(path("faxgate.tokenFile"), "faxgate.tokenFile", ENV_SCIM_TOKEN, true),
                duration("faxgate.connectTimeout", Duration.ofSeconds(10)),
                duration("faxgate.readTimeout", Duration.ofSeconds(60)),
                maxRetries,
                duration("faxgate.maxRetryWait", Duration.ofMinutes(5)));

        Path state = path("state.file");
        if (state == null) {
            state = directory().resolve("faxgate-sync-state.json");
        }
        Duration interval = duration("daemon.interval", Duration.ofMinutes(15));
        Duration fullEvery = duration("daemon.fullSyncEvery", Duration.ofHours(24));
        int maxDeactivations = integer("sync.maxDeactivations", 500);
        if (maxDeactivations < 0) {
            throw new ConfigurationException("sync.maxDeactivations must be 0 (no limit) or more");
        }
        return new AgentConfig(directory, faxgate, state, interval, fullEvery, maxDeactivations);
    }

    private Path directory() {
        return directory;
    }

    private void refuseInlineSecretsAndUnknownKeys() {
        List<String> unknown = new ArrayList<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String lower = key.toLowerCase(Locale.ROOT);
            boolean secretish = lower.contains("password") || lower.contains("token") || lower.contains("secret");
            if (secretish && !lower.endsWith("file")) {
                throw new ConfigurationException("'" + key + "': secrets are not accepted in the configuration file;"
                        + " use the environment variables " + ENV_LDAP_BIND_PASSWORD + " / " + ENV_SCIM_TOKEN
                        + " or the keys ldap.bindPasswordFile / faxgate.tokenFile");
            }
            if (!KNOWN_KEYS.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("Unknown configuration key(s): " + String.join(", ", unknown)
                    + " (keys are case-sensitive; see README.md)");
        }
    }

    private String optional(String key) {
        String v = properties.getProperty(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private String optionalOr(String key, String fallback) {
        String v = optional(key);
        return v == null ? fallback : v;
    }

    private String required(String key) {
        String v = optional(key);
        if (v == null) {
            throw new ConfigurationException("Missing configuration key '" + key + "'");
        }
        return v;
    }

    private String filter(String key, String fallback) {
        String f = optionalOr(key, fallback);
        try {
            com.unboundid.ldap.sdk.Filter.create(f);
        } catch (com.unboundid.ldap.sdk.LDAPException e) {
            throw new ConfigurationException(key + " is not a valid LDAP filter: " + f);
        }
        return f;
    }

    private URI uri(String key) {
        String v = required(key);
        try {
            return new URI(v);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(key + " is not a URL: '" + v + "'");
        }
    }

    private Path path(String key) {
        String v = optional(key);
        return v == null ? null : directory.resolve(v).normalize();
    }

    private boolean bool(String key, boolean fallback) {
        String v = optional(key);
        if (v == null) {
            return fallback;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new ConfigurationException(key + " must be true or false (got '" + v + "')");
    }

    private int integer(String key, int fallback) {
        String v = optional(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + " must be a whole number (got '" + v + "')");
        }
    }

    private Duration duration(String key, Duration fallback) {
        String v = optional(key);
        if (v == null) {
            return fallback;
        }
        Duration d = DurationText.parse(v, key);
        if (d.isNegative() || d.isZero()) {
            throw new ConfigurationException(key + " must be positive");
        }
        return d;
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false; // never resolve names here: only literal addresses count
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
