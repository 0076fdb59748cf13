package io.faxgate.sso.boundary;

import org.pac4j.core.credentials.Credentials;

/** The SAMLResponse form field as posted to the Consume endpoint, not yet trusted. */
public class SamlResponseCredentials extends Credentials {

    private final String samlResponse;
    private final String relayState;

    public SamlResponseCredentials(String samlResponse, String relayState) {
        this.samlResponse = samlResponse;
        this.relayState = relayState;
    }

    public String samlResponse() {
        return samlResponse;
    }

    public String relayState() {
        return relayState;
    }

    @Override
    public String toString() {
        return "SamlResponseCredentials[" + (samlResponse == null ? 0 : samlResponse.length()) + " chars]";
    }
}
