package io.faxgate.sso.saml;

/** Validates the {@code SAMLResponse} POSTed to our ACS (HTTP-POST binding). */
public interface SamlResponseValidator {

    /**
     * @param samlResponseBase64 the {@code SAMLResponse} form parameter exactly as received (base64, may contain line breaks)
     * @return the assertion, only if every rule holds (see README)
     * @throws SamlValidationException with a typed reason otherwise; nothing is returned partially
     */
    ValidatedAssertion validate(String samlResponseBase64, ResponseExpectations expectations) throws SamlValidationException;
}
