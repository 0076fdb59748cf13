package io.faxgate.fax.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The carrier webhook's shared secret(s) and timestamp tolerance, read from MicroProfile Config on every request
 * (so a rotated secret applies without a redeploy, after Payara's config cache expires):
 * <ul>
 * <li>{@code faxgate.carrier.webhook-secret} — required; without it (or with one shorter than
 *     {@value WebhookSignature#MIN_SECRET_LENGTH} characters) the webhook refuses everything (503);</li>
 * <li>{@code faxgate.carrier.webhook-secret-previous} — optional, still accepted during a rotation;</li>
 * <li>{@code faxgate.carrier.webhook-tolerance-seconds} — default 300, at most 3600.</li>
 * </ul>
 * On Payara, a password alias of the same name is a config source, so the secret need not sit in clear text in
 * domain.xml or the environment (server-config/configure-domain.sh). The secret is never logged.
 */
@ApplicationScoped
public class CarrierWebhookSettings {

    public static final String SECRET = "faxgate.carrier.webhook-secret";
    public static final String PREVIOUS_SECRET = "faxgate.carrier.webhook-secret-previous";
    public static final String TOLERANCE_SECONDS = "faxgate.carrier.webhook-tolerance-seconds";

    private static final Logger LOG = Logger.getLogger(CarrierWebhookSettings.class.getName());
    private static final Duration WARN_EVERY = Duration.ofMinutes(5);

    @Inject
    Config config;

    @Inject
    Clock clock;

    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.EPOCH);

    /** The verifier, or empty when the webhook is not (properly) configured and must refuse every request. */
    public Optional<WebhookSignature> signature() {
        Optional<String> secret = config.getOptionalValue(SECRET, String.class).filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            warn(SECRET + " is not set: the carrier webhook refuses every delivery (503)");
            return Optional.empty();
        }
        try {
            long tolerance = config.getOptionalValue(TOLERANCE_SECONDS, Long.class)
                    .orElse(WebhookSignature.DEFAULT_TOLERANCE.toSeconds());
            return Optional.of(new WebhookSignature(secret.get(),
                    config.getOptionalValue(PREVIOUS_SECRET, String.class), Duration.ofSeconds(tolerance), clock));
        } catch (IllegalArgumentException misconfigured) {
            // The message names the rule broken, never the secret's value.
            warn("the carrier webhook is misconfigured and refuses every delivery (503): " + misconfigured.getMessage());
            return Optional.empty();
        }
    }

    private void warn(String message) {
        Instant now = clock.instant();
        Instant last = lastWarning.get();
        if (now.isAfter(last.plus(WARN_EVERY)) && lastWarning.compareAndSet(last, now)) {
            LOG.warning(message);
        }
    }
}
