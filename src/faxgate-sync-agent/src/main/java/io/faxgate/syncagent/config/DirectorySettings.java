package io.faxgate.syncagent.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach and read Active Directory.
 *
 * @param url                 {@code ldaps://dc1.corp.example.com:636} or {@code ldap://...:389}
 * @param startTls            upgrade an {@code ldap://} connection with StartTLS before binding
 * @param trustStore          CA certificates to trust (PKCS12/JKS key store, or a PEM file); null = JVM default trust
 * @param trustStoreType      PKCS12, JKS or PEM; null = guessed from the file name
 * @param trustStorePassword  only for JKS/PKCS12 stores that need one; may be null
 * @param bindDn              the service account (DN or UPN)
 * @param bindPassword        the service account's password
 */
public record DirectorySettings(
        URI url,
        boolean startTls,
        Path trustStore,
        String trustStoreType,
        Secret trustStorePassword,
        String bindDn,
        Secret bindPassword,
        Duration connectTimeout,
        Duration responseTimeout,
        int pageSize,
        SearchScope users,
        SearchScope groups) {

    public boolean usesLdaps() {
        return "ldaps".equalsIgnoreCase(url.getScheme());
    }

    public String host() {
        return url.getHost();
    }

    public int port() {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return usesLdaps() ? 636 : 389;
    }

    /** Where entries are searched and which of them count. */
    public record SearchScope(String baseDn, String filter) {
    }
}
