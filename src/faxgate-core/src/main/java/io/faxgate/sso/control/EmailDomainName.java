package io.faxgate.sso.control;

import io.faxgate.platform.boundary.InvalidInputException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for what counts as an e-mail domain, and how an address or a domain is reduced to its stored form
 * (lower case, no trailing dot). Internationalised domains are entered in their ASCII ({@code xn--}) form.
 */
public final class EmailDomainName {

    /** RFC 1035 labels: letters, digits, inner hyphens, 1–63 characters; at least two labels. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private EmailDomainName() {
    }

    /** The stored form of an administrator's input; 400 naming {@code field} when it is no domain. */
    public static String parse(String field, String input) {
        return normalised(input).orElseThrow(() -> new InvalidInputException(field,
                "enter a domain such as contoso.com (no @, no https://)"));
    }

    /** The domain of an e-mail address as typed on the sign-in page; empty when it is not one. */
    public static Optional<String> ofAddress(String address) {
        if (address == null || address.length() > 320) {
            return Optional.empty();
        }
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        if (at < 1 || at == trimmed.length() - 1) {
            return Optional.empty();
        }
        return normalised(trimmed.substring(at + 1));
    }

    static Optional<String> normalised(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String d = input.strip().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return DOMAIN.matcher(d).matches() ? Optional.of(d) : Optional.empty();
    }
}
