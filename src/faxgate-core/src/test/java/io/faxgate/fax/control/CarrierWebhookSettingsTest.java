package io.faxgate.fax.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/** Secure by default: no secret, a weak one or a wild tolerance means "not configured" (503), never "accept". */
class CarrierWebhookSettingsTest {

    private static final String SECRET = "current-secret-0123456789abcdef0123456789";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Map<String, String> values = new HashMap<>();

    private Optional<WebhookSignature> signature() {
        CarrierWebhookSettings settings = new CarrierWebhookSettings();
        settings.config = new MapConfig(values);
        settings.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return settings.signature();
    }

    @Test
    void withoutASecretNothingIsAccepted() {
        assertThat(signature()).isEmpty();
        values.put(CarrierWebhookSettings.SECRET, "   ");
        assertThat(signature()).isEmpty();
    }

    @Test
    void aWeakSecretOrAWildToleranceCountsAsNotConfigured() {
        values.put(CarrierWebhookSettings.SECRET, "too-short");
        assertThat(signature()).isEmpty();
        values.put(CarrierWebhookSettings.SECRET, SECRET);
        values.put(CarrierWebhookSettings.PREVIOUS_SECRET, "too-short");
        assertThat(signature()).isEmpty();
        values.remove(CarrierWebhookSettings.PREVIOUS_SECRET);
        for (String tolerance : List.of("0", "-5", "86400", "five minutes")) {
            values.put(CarrierWebhookSettings.TOLERANCE_SECONDS, tolerance);
            assertThat(signature()).as(tolerance).isEmpty();
        }
    }

    @Test
    void aConfiguredSecretAndItsPredecessorVerify() {
        values.put(CarrierWebhookSettings.SECRET, SECRET);
        values.put(CarrierWebhookSettings.PREVIOUS_SECRET, "previous-secret-0123456789abcdef012345678");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(NOW.getEpochSecond());

        WebhookSignature signature = signature().orElseThrow();

        assertThat(signature.verify(ts, WebhookSignature.sign(SECRET, ts, body), body))
                .isEqualTo(WebhookSignature.Verdict.VALID);
        assertThat(signature.verify(ts, WebhookSignature.sign("previous-secret-0123456789abcdef012345678", ts, body), body))
                .isEqualTo(WebhookSignature.Verdict.VALID);
        String late = Long.toString(NOW.getEpochSecond() - 301);
        assertThat(signature.verify(late, WebhookSignature.sign(SECRET, late, body), body))
                .as("default tolerance 300 s").isEqualTo(WebhookSignature.Verdict.STALE);
    }

    /** Just enough of MicroProfile Config: strings and longs from a map, conversion failures as the spec says. */
    private record MapConfig(Map<String, String> values) implements Config {

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            String value = values.get(name);
            if (value == null) {
                return Optional.empty();
            }
            if (type == Long.class) {
                try {
                    return Optional.of(type.cast(Long.valueOf(value.trim())));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number", e);
                }
            }
            return Optional.of(type.cast(value));
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow();
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
