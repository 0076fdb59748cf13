package io.faxgate.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.audit.entity.AuditOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The SIEM line: one line whatever an attacker typed into a username, typed reasons, the documented fields. */
class SecurityEventTest {

    static SecurityEvent event(String type, AuditOutcome outcome, String target, String detail) {
        return new SecurityEvent(17, Instant.parse("2026-12-06T10:00:00.123456Z"), 42L, "acme", "anonymous",
                "192.0.2.7", "req-123456", type, outcome, target, detail);
    }

    @Test
    void aRefusedSamlResponseIsOneLineWithItsTypedReason() {
        String line = event(AuditTypes.SAML_SIGN_IN, AuditOutcome.FAILURE, "SIGNATURE_INVALID", "signature does not verify").json();
        assertThat(line).isEqualTo("{\"schema\":\"faxgate.security-event/1\",\"time\":\"2026-12-06T10:00:00.123456Z\","
                + "\"eventId\":17,\"tenant\":\"acme\",\"tenantId\":42,\"actor\":\"anonymous\",\"sourceAddress\":\"192.0.2.7\","
                + "\"requestId\":\"req-123456\",\"type\":\"SAML_SIGN_IN\",\"outcome\":\"FAILURE\",\"reason\":\"SIGNATURE_INVALID\","
                + "\"target\":\"SIGNATURE_INVALID\",\"detail\":\"signature does not verify\"}");
    }

    @Test
    void attackerTextCannotBreakTheLineOrAddFields() {
        String line = event(AuditTypes.LOCAL_SIGN_IN, AuditOutcome.FAILURE,
                "x\",\"outcome\":\"SUCCESS\"}\n{\"forged\":1\u2028\u0000\\", null).json();
        assertThat(line).doesNotContain("\n").doesNotContain("\u2028").doesNotContain("\u0000");
        assertThat(line).contains("\"target\":\"x\\\",\\\"outcome\\\":\\\"SUCCESS\\\"}\\n{\\\"forged\\\":1\\u2028\\u0000\\\\\"");
        assertThat(line).contains("\"outcome\":\"FAILURE\"").endsWith("}");
    }

    @Test
    void absentFieldsAreLeftOut() {
        SecurityEvent platform = new SecurityEvent(1, Instant.EPOCH, null, null, "faxgate", null, null, "RETENTION_PURGED",
                AuditOutcome.SUCCESS, null, null);
        assertThat(platform.json()).doesNotContain("tenant").doesNotContain("reason").doesNotContain("null");
    }

    @Test
    void signInReasonsComeFromASmallFixedSet() {
        assertThat(SignInReason.of(AuditTypes.SAML_SIGN_IN, AuditOutcome.FAILURE, "AUDIENCE_MISMATCH", "x")).isEqualTo("AUDIENCE_MISMATCH");
        assertThat(SignInReason.of(AuditTypes.SAML_SIGN_IN, AuditOutcome.FAILURE, "<evil label=\"x\">", "x")).isEqualTo("INVALID_RESPONSE");
        assertThat(SignInReason.of(AuditTypes.SAML_SIGN_IN, AuditOutcome.DENIED, "a@b", "USER_DEACTIVATED: your account"))
                .isEqualTo("USER_DEACTIVATED");
        assertThat(SignInReason.of(AuditTypes.SAML_SIGN_IN, AuditOutcome.SUCCESS, "a@b", "assertion 1")).isEqualTo("NONE");
        assertThat(SignInReason.of(AuditTypes.LOCAL_SIGN_IN, AuditOutcome.FAILURE, "whoever-typed-this", null)).isEqualTo("WRONG_CREDENTIALS");
        assertThat(SignInReason.of(AuditTypes.LOCAL_SIGN_IN, AuditOutcome.DENIED, "x", "too many wrong passwords from this address")).isEqualTo("THROTTLED");
        assertThat(SignInReason.of(AuditTypes.LOCAL_SIGN_IN, AuditOutcome.DENIED, "x", "single sign-on applies to the admin tool")).isEqualTo("SSO_REQUIRED");
        assertThat(SignInReason.of(AuditTypes.LOCAL_SIGN_IN, AuditOutcome.WARNING, "x", "break-glass")).isEqualTo("BREAK_GLASS");
        assertThat(SignInReason.of(AuditTypes.SIGN_IN_RATE_LIMITED, AuditOutcome.DENIED, "x", "y")).isEqualTo("RATE_LIMITED");
        assertThat(event(AuditTypes.FAX_SENT, AuditOutcome.SUCCESS, "x", "y").reason()).isNull();
    }
}
