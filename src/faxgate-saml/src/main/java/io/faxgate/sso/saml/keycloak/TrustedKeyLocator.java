package io.faxgate.sso.saml.keycloak;

import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.Iterator;
import java.util.List;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;

import org.keycloak.rotation.KeyLocator;

/**
 * Keycloak key locator over the configured IdP certificates only. It never resolves a key from the message:
 * {@code getKey(KeyInfo)} and {@code getKey(String)} answer null, so Keycloak tries every trusted key in turn and a
 * certificate embedded by an attacker in KeyInfo is never used.
 */
final class TrustedKeyLocator implements KeyLocator {

    private final List<Key> keys;

    TrustedKeyLocator(List<X509Certificate> trusted) {
        this.keys = trusted.stream().map(c -> (Key) c.getPublicKey()).toList();
    }

    @Override
    public Key getKey(String kid) {
        return null;
    }

    @Override
    public Key getKey(KeyInfo info) {
        return null;
    }

    @Override
    public void refreshKeyCache() {
        // static set
    }

    @Override
    public Iterator<Key> iterator() {
        return keys.iterator();
    }
}
