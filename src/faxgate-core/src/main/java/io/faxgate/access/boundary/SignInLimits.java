package io.faxgate.access.boundary;

import io.faxgate.platform.boundary.TooManyRequestsException;

import io.faxgate.access.control.SignInRateLimit;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * The per-address limit on sign-in attempts, for the web tier (called before anyone is signed in). A refusal is
 * audited once per address and window, so a flood cannot flood the audit log too.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignInLimits {

    @Inject
    SignInRateLimit limit;

    @Inject
    AuditTrail audit;

    /** Counts one attempt of {@code what} (e.g. "POST /login.xhtml"); the seconds to wait when refused. */
    public Optional<Long> attempt(String address, String what) {
        return refuse(limit.attempt(address), address, what);
    }

    /** The seconds to wait when the address is over the limit right now; counts nothing. */
    public Optional<Long> blocked(String address, String what) {
        return refuse(limit.blocked(address), address, what);
    }

    public int perMinute() {
        return limit.perMinute();
    }

    private Optional<Long> refuse(Optional<Duration> wait, String address, String what) {
        if (wait.isEmpty()) {
            return Optional.empty();
        }
        if (limit.firstRefusalInWindow(address)) {
            audit.recordIndependently(null, AuditTrail.ANONYMOUS, AuditTypes.SIGN_IN_RATE_LIMITED, AuditOutcome.DENIED,
                    what.length() > 200 ? what.substring(0, 200) : what,
                    "more than " + limit.perMinute() + " sign-in attempts per minute from this address;"
                            + " further attempts are refused until the minute has passed", address);
        }
        return Optional.of(TooManyRequestsException.retryAfterSeconds(wait.get()));
    }
}
