package io.faxgate.audit.control;

import io.faxgate.audit.entity.AuditOutcome;
import java.util.regex.Pattern;

/**
 * The typed reason of a sign-in event, from a small fixed set (safe as a metric label): SAML refusals carry theirs
 * (target of a rejected response, prefix of a denial's detail); password sign-ins are classified here.
 */
public final class SignInReason {

    private static final Pattern TYPED = Pattern.compile("[A-Z][A-Z0-9_]{1,59}");

    private SignInReason() {
    }

    /** Whether the event is a sign-in attempt (counted by faxgate_sign_in). */
    public static boolean isSignIn(String type) {
        return AuditTypes.LOCAL_SIGN_IN.equals(type) || AuditTypes.SAML_SIGN_IN.equals(type)
                || AuditTypes.SIGN_IN_RATE_LIMITED.equals(type);
    }

    public static String of(String type, AuditOutcome outcome, String target, String detail) {
        if (AuditTypes.SIGN_IN_RATE_LIMITED.equals(type)) {
            return "RATE_LIMITED";
        }
        if (outcome == AuditOutcome.SUCCESS) {
            return "NONE";
        }
        if (outcome == AuditOutcome.WARNING) {
            return "BREAK_GLASS";
        }
        if (AuditTypes.SAML_SIGN_IN.equals(type)) {
            if (outcome == AuditOutcome.FAILURE && target != null && TYPED.matcher(target).matches()) {
                return target;
            }
            String prefix = detail == null || detail.indexOf(':') < 0 ? "" : detail.substring(0, detail.indexOf(':'));
            return TYPED.matcher(prefix).matches() ? prefix : "INVALID_RESPONSE";
        }
        if (outcome == AuditOutcome.FAILURE) {
            return "WRONG_CREDENTIALS";
        }
        String text = detail == null ? "" : detail;
        if (text.contains("too many")) {
            return "THROTTLED";
        }
        if (text.contains("single sign-on")) {
            return "SSO_REQUIRED";
        }
        return "DENIED";
    }
}
