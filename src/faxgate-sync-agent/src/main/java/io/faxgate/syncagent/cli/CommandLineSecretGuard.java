package io.faxgate.syncagent.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses command lines that try to carry a secret. Command lines end up in the process list, shell history and
 * service managers' logs, so the agent has no option for a password or token, and it refuses anything that looks
 * like one (instead of echoing it back in an "unknown option" message).
 */
final class CommandLineSecretGuard {

    private static final Set<String> LDAP_TOOL_PASSWORD_OPTIONS = Set.of("-w", "-W", "-j", "-y");
    private static final String[] SECRET_WORDS = {"pass", "pwd", "token", "secret", "credential", "bearer", "apikey", "api-key"};

    private CommandLineSecretGuard() {
    }

    /** @return the offending option name (never its value) */
    static Optional<String> findSecretOption(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (LDAP_TOOL_PASSWORD_OPTIONS.contains(name) || (name.length() > 2 && !name.startsWith("--") && LDAP_TOOL_PASSWORD_OPTIONS.contains(name.substring(0, 2)))) {
                return Optional.of(name.substring(0, Math.min(2, name.length())));
            }
            String lower = name.toLowerCase(Locale.ROOT);
            for (String word : SECRET_WORDS) {
                if (lower.contains(word)) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }
}
