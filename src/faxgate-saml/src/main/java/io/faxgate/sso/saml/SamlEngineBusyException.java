package io.faxgate.sso.saml;

/**
 * The engine could not take or finish the work in time (all its threads busy, its queue full, or the work took
 * longer than the engine's timeout). Nothing was decided: callers answer "try again later" (e.g. 503 with
 * Retry-After) instead of holding a request thread without limit.
 */
public class SamlEngineBusyException extends RuntimeException {

    public SamlEngineBusyException(String message) {
        super(message);
    }
}
