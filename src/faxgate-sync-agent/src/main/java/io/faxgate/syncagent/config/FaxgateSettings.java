package io.faxgate.syncagent.config;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach the customer's Faxgate tenant over SCIM.
 *
 * @param baseUrl        e.g. {@code https://faxgate.example.com}; the SCIM base is {@code {baseUrl}/scim/v2/{tenant}}
 * @param tenant         the tenant slug
 * @param token          the tenant's SCIM bearer token
 * @param maxRetries     how often a request answered with 429/503 is retried
 * @param maxRetryWait   longest single wait honoured from a Retry-After header
 */
public record FaxgateSettings(
        URI baseUrl,
        String tenant,
        Secret token,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        Duration maxRetryWait) {

    public URI scimBase() {
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/scim/v2/" + tenant);
    }
}
