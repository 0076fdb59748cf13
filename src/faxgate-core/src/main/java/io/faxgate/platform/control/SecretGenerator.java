package io.faxgate.platform.control;

import java.security.SecureRandom;
import java.util.Base64;

/** Random passwords and bearer tokens from a CSPRNG. */
public final class SecretGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private SecretGenerator() {
    }

    /** A password without look-alike characters (no 0/O, 1/l/I), about 5.8 bits per character. */
    public static String password(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = PASSWORD_ALPHABET[RANDOM.nextInt(PASSWORD_ALPHABET.length)];
        }
        return new String(chars);
    }

    /** A URL-safe token carrying {@code bytes} random bytes. */
    public static String token(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
