package io.faxgate.access.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Jakarta Security's PBKDF2 with the parameters OWASP recommends for PBKDF2-HMAC-SHA512 (210,000 iterations),
 * instead of the API's weak default of 10,000 iterations of SHA-256.
 */
@ApplicationScoped
public class PasswordHashing {

    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** Verified against when the username is unknown, so that both paths cost the same time. */
    private String decoyHash;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(PARAMETERS);
        decoyHash = pbkdf2.generate("decoy-password-never-valid".toCharArray());
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    public boolean verify(char[] password, String storedHash) {
        return pbkdf2.verify(password, storedHash);
    }

    public void spendVerificationTime(char[] password) {
        pbkdf2.verify(password, decoyHash);
    }
}
