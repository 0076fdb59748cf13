package io.faxgate.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals small secrets for storage: AES-256-GCM with a random 96-bit nonce, format {@code v1:base64(nonce|ciphertext)}.
 * GCM authenticates, so a tampered value fails to open instead of yielding a wrong key.
 */
@ApplicationScoped
public class SecretSealer {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();

    @Inject
    @ConfigProperty(name = "faxgate.secrets.master-key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "faxgate.secrets.master-key-file")
    Optional<String> configuredKeyFile;

    private SecretKey key;

    public SecretSealer() {
    }

    /** For unit tests and tools outside the container. */
    public SecretSealer(SecretKey key) {
        this.key = key;
    }

    @PostConstruct
    void loadKey() {
        if (key == null) {
            Path file = Path.of(configuredKeyFile.orElseGet(() ->
                    System.getProperty("com.sun.aas.instanceRoot", ".") + "/config/faxgate-master.key"));
            key = MasterKey.load(configuredKey, file);
        }
    }

    public String seal(byte[] secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret);
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public byte[] open(String sealedText) {
        if (sealedText == null || !sealedText.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        byte[] all = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed secret cannot be opened (wrong master key or tampered value)");
        }
    }
}
