package io.faxgate.sso.boundary;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The few plain pages of the sign-in flow. Every value is HTML-escaped; no page ever shows a stack trace. */
final class SsoPages {

    /** What people read for each refusal reason; the reason code is shown too, for their administrator. */
    private static final Map<String, String> EXPLANATIONS = Map.ofEntries(
            Map.entry("SIGNATURE_MISSING", "The sign-in answer from your identity provider was not signed."),
            Map.entry("SIGNATURE_INVALID", "The sign-in answer was not signed with the certificate configured for your company."
                    + " Your administrator may need to add the new Entra certificate."),
            Map.entry("SIGNATURE_WRAPPING", "The sign-in answer was altered and was refused."),
            Map.entry("WEAK_ALGORITHM", "Your identity provider used an algorithm Faxgate refuses: SHA-1 signatures (set SHA-256), or"
                    + " token encryption other than RSA-OAEP with AES-GCM (AES-CBC only if your administrator accepted it)."),
            Map.entry("DECRYPTION_FAILED", "The encrypted sign-in answer could not be decrypted. Your administrator may need to upload"
                    + " Faxgate's current encryption certificate (from the SP metadata) to the identity provider."),
            Map.entry("REPLAY_CACHE_FULL", "Too many sign-ins for your company right now; Faxgate refused this one to stay safe."
                    + " Please try again later, or ask your administrator to check the identity provider."),
            Map.entry("ISSUER_MISMATCH", "The sign-in answer came from a different identity provider than the one configured."),
            Map.entry("AUDIENCE_MISMATCH", "The sign-in answer was meant for another application (check the Identifier / entity id)."),
            Map.entry("DESTINATION_MISMATCH", "The sign-in answer was sent to a different address than this company's Consume endpoint."),
            Map.entry("RECIPIENT_MISMATCH", "The sign-in answer was sent to a different address than this company's Consume endpoint."),
            Map.entry("EXPIRED", "The sign-in answer has expired. Check the clocks, then try again."),
            Map.entry("NOT_YET_VALID", "The sign-in answer is not valid yet. Check the server clocks, then try again."),
            Map.entry("REPLAYED", "This sign-in answer was already used. Please sign in again."),
            Map.entry("IN_RESPONSE_TO_UNKNOWN", "This sign-in was not started from this browser session, or it took too long. Please sign in again."),
            Map.entry("IDP_INITIATED_NOT_ALLOWED", "Your company only allows sign-in started from Faxgate. Use your company's Faxgate sign-in link."),
            Map.entry("STATUS_NOT_SUCCESS", "Your identity provider reported that the sign-in did not succeed."),
            Map.entry("MFA_REQUIRED", "Your company requires multi-factor authentication for Faxgate."),
            Map.entry("USER_DEACTIVATED", "Your Faxgate account is deactivated. Contact your administrator."),
            Map.entry("USER_NOT_PROVISIONED", "Your account has not been provisioned to Faxgate yet. Contact your administrator."),
            Map.entry("USERNAME_CONFLICT", "Another Faxgate user already has your user name. Contact your administrator."),
            Map.entry("MISSING_OBJECT_ID", "Your identity provider did not send the object id Faxgate identifies people by."),
            Map.entry("SSO_DISABLED", "Single sign-on is not enabled for your company."),
            Map.entry("TOO_LARGE", "The sign-in answer was too large."),
            Map.entry("MALFORMED_XML", "The sign-in answer could not be read."),
            Map.entry("DTD_FORBIDDEN", "The sign-in answer contained forbidden XML and was refused."));

    private SsoPages() {
    }

    /**
     * The identity provider's cross-site POST arrives without our SameSite=Lax session cookie. This page posts the
     * same answer once more from our own origin, where the browser does send it — so the sign-in stays bound to
     * the session that started it, without weakening the session cookie to SameSite=None.
     */
    static void bounce(HttpServletResponse response, String action, String samlResponse, String relayState) throws IOException {
        String html = "<form id=\"continue\" method=\"post\" action=\"" + escape(action) + "\">"
                + "<input type=\"hidden\" name=\"SAMLResponse\" value=\"" + escape(samlResponse) + "\">"
                + (relayState == null ? "" : "<input type=\"hidden\" name=\"RelayState\" value=\"" + escape(relayState) + "\">")
                + "<input type=\"hidden\" name=\"" + SsoServlet.BOUNCED + "\" value=\"1\">"
                + "<p>Signing you in…</p><noscript><button type=\"submit\">Continue</button></noscript></form>"
                + "<script src=\"/static/autosubmit.js\"></script>";
        write(response, HttpServletResponse.SC_OK, "Signing in", html);
    }

    static void refused(HttpServletResponse response, String reason, String tenant) throws IOException {
        String explanation = EXPLANATIONS.getOrDefault(reason, "The sign-in could not be completed.");
        write(response, HttpServletResponse.SC_FORBIDDEN, "Sign-in refused",
                "<h1>Sign-in refused</h1><p id=\"explanation\">" + escape(explanation) + "</p>"
                        + "<p>Reason for your administrator: <code id=\"reason\">" + escape(reason) + "</code>"
                        + " (recorded in the Faxgate audit log)</p>"
                        + "<p><a href=\"/sso/" + escape(tenant) + "/login\">Try again</a></p>");
    }

    static void message(HttpServletResponse response, int status, String title, String text) throws IOException {
        write(response, status, title, "<h1>" + escape(title) + "</h1><p>" + escape(text) + "</p>");
    }

    static void write(HttpServletResponse response, int status, String title, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " · Faxgate</title><link rel=\"stylesheet\" href=\"/jakarta.faces.resource/faxgate.css.xhtml\"></head>"
                + "<body><main class=\"card\">" + body + "</main></body></html>");
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
