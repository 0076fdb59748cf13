package io.faxgate.sso.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A tenant's signed SP metadata, signed once per version of what it says: the key is derived from the stored
 * settings' version and the SP certificates (signing and encryption), so a node never serves metadata of settings or keys that changed
 * (on any node) — no invalidation event needed — and an anonymous GET costs no RSA signature.
 */
@ApplicationScoped
public class SignedMetadataCache {

    private record Signed(String key, String xml) {
    }

    private final Map<String, Signed> byTenant = new ConcurrentHashMap<>();

    /** The cached metadata when its key still matches the tenant's configuration; else signs it anew. */
    String of(SamlTenantConfiguration configuration, Supplier<String> sign) {
        String key = keyOf(configuration);
        Signed cached = byTenant.get(configuration.slug());
        if (cached != null && cached.key().equals(key)) {
            return cached.xml();
        }
        String xml = sign.get();
        byTenant.put(configuration.slug(), new Signed(key, xml));
        return xml;
    }

    static String keyOf(SamlTenantConfiguration c) {
        return c.settingsVersion() + "\n" + c.spEntityId() + "\n" + c.consumeEndpoint() + "\n" + c.singleLogoutEndpoint()
                + "\n" + c.spCertificatePem() + "\n" + c.spEncryptionCertificatePem();
    }
}
