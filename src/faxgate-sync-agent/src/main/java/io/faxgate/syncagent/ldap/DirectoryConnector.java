package io.faxgate.syncagent.ldap;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import io.faxgate.syncagent.config.ConfigurationException;
import io.faxgate.syncagent.config.DirectorySettings;

import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.net.ssl.TrustManager;

/** Opens an authenticated connection to a domain controller: LDAPS, or LDAP with optional StartTLS, then a simple bind. */
public final class DirectoryConnector {

    private static final Logger LOG = Logger.getLogger(DirectoryConnector.class.getName());

    private final DirectorySettings settings;

    public DirectoryConnector(DirectorySettings settings) {
        this.settings = settings;
    }

    public LDAPConnection open() {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setFollowReferrals(false);
        boolean tls = settings.usesLdaps() || settings.startTls();
        if (tls) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        String where = settings.url().toString();
        LDAPConnection connection = null;
        try {
            if (settings.usesLdaps()) {
                connection = new LDAPConnection(sslUtil().createSSLSocketFactory(), options, settings.host(), settings.port());
            } else {
                connection = new LDAPConnection(options, settings.host(), settings.port());
                if (settings.startTls()) {
                    ExtendedResult r = connection.processExtendedOperation(
                            new StartTLSExtendedRequest(sslUtil().createSSLSocketFactory()));
                    if (r.getResultCode() != ResultCode.SUCCESS) {
                        throw new LDAPException(r);
                    }
                }
            }
            LOG.fine(() -> "Connected to " + where + (tls ? " (TLS)" : " (unencrypted)"));
        } catch (LDAPException e) {
            close(connection);
            throw new DirectoryUnavailableException("Cannot connect to " + where + ": " + describe(e), e);
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("Cannot set up TLS for " + where + ": " + e.getMessage(), e);
        }
        try {
            connection.bind(new SimpleBindRequest(settings.bindDn(), settings.bindPassword().reveal()));
            LOG.fine(() -> "Bound as " + settings.bindDn());
            return connection;
        } catch (LDAPException e) {
            close(connection);
            String why = e.getResultCode() == ResultCode.INVALID_CREDENTIALS
                    ? "invalid credentials (check the account, its password and whether it is locked or expired)"
                    : describe(e);
            throw new DirectoryUnavailableException("Bind to " + where + " as '" + settings.bindDn() + "' refused: " + why, e);
        }
    }

    private SSLUtil sslUtil() throws GeneralSecurityException {
        return new SSLUtil(trustManager());
    }

    private TrustManager trustManager() throws GeneralSecurityException {
        if (settings.trustStore() == null) {
            return JVMDefaultTrustManager.getInstance();
        }
        String type = settings.trustStoreType();
        String file = settings.trustStore().toString();
        if (type == null) {
            String lower = file.toLowerCase(Locale.ROOT);
            type = lower.endsWith(".pem") || lower.endsWith(".crt") || lower.endsWith(".cer") ? "PEM"
                    : lower.endsWith(".jks") ? "JKS" : "PKCS12";
        }
        if (type.equalsIgnoreCase("PEM")) {
            return new PEMFileTrustManager(settings.trustStore().toFile());
        }
        char[] pin = settings.trustStorePassword() == null ? null : settings.trustStorePassword().reveal().toCharArray();
        return new TrustStoreTrustManager(file, pin, type.toUpperCase(Locale.ROOT), true);
    }

    static String describe(LDAPException e) {
        String diag = e.getDiagnosticMessage();
        return e.getResultCode() + (diag == null || diag.isBlank() ? "" : " - " + diag)
                + (e.getMessage() != null && diag == null ? " - " + e.getMessage() : "");
    }

    private static void close(LDAPConnection c) {
        if (c != null) {
            c.close();
        }
    }
}
