package io.faxgate.directory.control;

import io.faxgate.directory.entity.ScimToken;
import io.faxgate.platform.control.SecretGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks SCIM bearer tokens. A token is {@value #MARK} + 256 random bits (base64url); only its SHA-256 is
 * stored, with the first {@value #PREFIX_LENGTH} characters so admins can tell tokens apart. Every request looks the
 * hash up (one indexed equality), so a revocation counts from the next request on. "Last used" is written at most
 * once a minute per token, not once per request.
 */
@ApplicationScoped
public class ScimTokens {

    public static final String MARK = "fgs_";
    public static final int PREFIX_LENGTH = 12;
    static final Duration MARK_USED_EVERY = Duration.ofMinutes(1);
    private static final int MAX_TOKEN_LENGTH = 200;

    @PersistenceContext
    EntityManager em;

    private final Map<Long, Instant> lastMarked = new ConcurrentHashMap<>();

    /** A new token and its one-time clear text. */
    public record Issued(ScimToken token, String secret) {
    }

    public Issued issue(long tenantId, String label, Integer ratePerSecond, Instant now) {
        String secret = MARK + SecretGenerator.token(32);
        ScimToken token = new ScimToken(tenantId, label, hash(secret), secret.substring(0, PREFIX_LENGTH), now);
        token.limit(ratePerSecond);
        em.persist(token);
        em.flush();
        return new Issued(token, secret);
    }

    /** The unrevoked token with this clear text, if any. */
    public Optional<ScimToken> find(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return em.createNamedQuery(ScimToken.BY_HASH, ScimToken.class).setParameter("hash", hash(secret.strip()))
                .getResultStream().findFirst().filter(t -> !t.isRevoked());
    }

    public List<ScimToken> ofTenant(long tenantId) {
        return em.createNamedQuery(ScimToken.OF_TENANT, ScimToken.class).setParameter("tenantId", tenantId).getResultList();
    }

    public Optional<ScimToken> get(long tenantId, long id) {
        return em.createNamedQuery(ScimToken.BY_ID, ScimToken.class).setParameter("tenantId", tenantId)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /** Records use, writing at most once per {@link #MARK_USED_EVERY} per token (per JVM). */
    public void used(ScimToken token, Instant now) {
        Instant last = lastMarked.get(token.getId());
        if (last == null) {
            last = token.getLastUsedAt();
        }
        if (last != null && Duration.between(last, now).compareTo(MARK_USED_EVERY) < 0) {
            return;
        }
        lastMarked.put(token.getId(), now);
        token.used(now); // a managed entity: written when the transaction commits
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
