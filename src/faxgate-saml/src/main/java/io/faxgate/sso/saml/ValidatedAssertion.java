package io.faxgate.sso.saml;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A SAML assertion that passed every rule of the engine. Attribute names are the IdP's (for Entra the claim URIs in
 * {@link EntraClaims}); values keep document order; an attribute sent as several {@code <Attribute>} elements with the
 * same Name, or as one with several {@code <AttributeValue>}, ends up as one list.
 */
public final class ValidatedAssertion {

    private final String nameId;
    private final String nameIdFormat;
    private final String assertionId;
    private final String issuer;
    private final String sessionIndex;
    private final Instant notOnOrAfter;
    private final String inResponseTo;
    private final Instant sessionNotOnOrAfter;
    private final Map<String, List<String>> attributes;

    public ValidatedAssertion(String nameId, String nameIdFormat, String assertionId, String issuer, String sessionIndex,
                              Instant notOnOrAfter, String inResponseTo, Map<String, List<String>> attributes) {
        this(nameId, nameIdFormat, assertionId, issuer, sessionIndex, notOnOrAfter, inResponseTo, null, attributes);
    }

    public ValidatedAssertion(String nameId, String nameIdFormat, String assertionId, String issuer, String sessionIndex,
                              Instant notOnOrAfter, String inResponseTo, Instant sessionNotOnOrAfter,
                              Map<String, List<String>> attributes) {
        this.sessionNotOnOrAfter = sessionNotOnOrAfter;
        this.nameId = Objects.requireNonNull(nameId, "nameId");
        this.nameIdFormat = nameIdFormat;
        this.assertionId = Objects.requireNonNull(assertionId, "assertionId");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.sessionIndex = sessionIndex;
        this.notOnOrAfter = notOnOrAfter;
        this.inResponseTo = inResponseTo;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        attributes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.attributes = java.util.Collections.unmodifiableMap(copy);
    }

    /** The NameID's full text content (comments inside it do not split it). */
    public String nameId() {
        return nameId;
    }

    public Optional<String> nameIdFormat() {
        return Optional.ofNullable(nameIdFormat);
    }

    public String assertionId() {
        return assertionId;
    }

    public String issuer() {
        return issuer;
    }

    /** SessionIndex of the AuthnStatement, needed for single logout. */
    public Optional<String> sessionIndex() {
        return Optional.ofNullable(sessionIndex);
    }

    /** Conditions NotOnOrAfter (the assertion's end of validity). */
    public Optional<Instant> notOnOrAfter() {
        return Optional.ofNullable(notOnOrAfter);
    }

    /** AuthnStatement SessionNotOnOrAfter: when the IdP wants the session it started here to end; empty when unlimited. */
    public Optional<Instant> sessionNotOnOrAfter() {
        return Optional.ofNullable(sessionNotOnOrAfter);
    }

    /** The request id this answers; empty for IdP-initiated sign-in. */
    public Optional<String> inResponseTo() {
        return Optional.ofNullable(inResponseTo);
    }

    public Map<String, List<String>> attributes() {
        return attributes;
    }

    /** All values of an attribute, empty list when absent. */
    public List<String> attribute(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    /** The first value of an attribute. */
    public Optional<String> firstAttribute(String name) {
        List<String> v = attribute(name);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    @Override
    public String toString() {
        return "ValidatedAssertion[id=" + assertionId + ", issuer=" + issuer + ", nameId=" + nameId + ", attributes=" + attributes.keySet() + "]";
    }
}
