package io.faxgate.sso.saml;

import java.net.URI;
import java.util.Objects;

/**
 * An outgoing message sent with the HTTP-Redirect binding.
 *
 * @param messageId the ID attribute of the request/response; for an AuthnRequest store it (per browser session) and
 *                  pass it later in {@link ResponseExpectations.Builder#outstandingRequestIds}
 * @param url       the full URL to redirect the browser to (SAMLRequest/SAMLResponse, RelayState, SigAlg, Signature)
 */
public record SamlRedirect(String messageId, URI url) {
    public SamlRedirect {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(url, "url");
    }
}
