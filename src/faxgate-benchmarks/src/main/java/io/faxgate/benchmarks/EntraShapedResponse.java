package io.faxgate.benchmarks;

import io.faxgate.sso.saml.EntraClaims;
import io.faxgate.sso.saml.fixture.EntraIdp;
import io.faxgate.sso.saml.fixture.EntraIdp.ResponseBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sign-in answer both SAML benchmarks work on: what Entra sends for a person in 20 security groups — email
 * NameID, Entra's claim names, one app role, assertion signed with RSA-SHA256 and exclusive c14n, certificate in
 * KeyInfo; ≈ 6 kB of XML. IdP-initiated (no InResponseTo), as from the My Apps tile.
 */
final class EntraShapedResponse {

    static final int GROUPS = 20;

    private EntraShapedResponse() {
    }

    /** The object ids of the 20 groups every person is in (the load provisions them through SCIM). */
    static List<String> groupObjectIds() {
        List<String> ids = new ArrayList<>();
        for (int g = 1; g <= GROUPS; g++) {
            ids.add(String.format("8d0b6f8e-aaaa-4bbb-8ccc-%012d", g));
        }
        return ids;
    }

    /** Person {@code n}'s stable object id (what Faxgate matches people by). */
    static String objectId(int person) {
        return String.format("0b0c6a5e-%04x-4d2a-9e0c-%012d", person & 0xffff, person);
    }

    static String email(int person) {
        return "person" + person + "@contoso.com";
    }

    /** An unsigned builder for person {@code n}, addressed to {@code acs} with audience {@code audience}, valid now. */
    static ResponseBuilder of(int person, String audience, String acs, Instant now) {
        Map<String, List<String>> claims = new LinkedHashMap<>();
        claims.put(EntraClaims.TENANT_ID, List.of(EntraIdp.TENANT.toString()));
        claims.put(EntraClaims.OBJECT_ID, List.of(objectId(person)));
        claims.put(EntraClaims.EMAIL, List.of(email(person)));
        claims.put(EntraClaims.NAME, List.of("person" + person + "@contoso.onmicrosoft.com"));
        claims.put(EntraClaims.GIVEN_NAME, List.of("Person"));
        claims.put(EntraClaims.SURNAME, List.of("Number " + person));
        claims.put(EntraClaims.GROUPS, groupObjectIds());
        claims.put(EntraClaims.ROLE, List.of("Fax.Staff"));
        claims.put(EntraClaims.AUTHN_METHODS, List.of("http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password",
                "http://schemas.microsoft.com/claims/multipleauthn"));
        return EntraIdp.response().set(r -> {
            r.nameId = email(person);
            r.attributes = claims;
            r.audience = audience;
            r.destination = acs;
            r.recipient = acs;
            r.inResponseTo = null;
            r.scdInResponseTo = null;
            r.issueInstant = now.minusSeconds(1);
            r.notBefore = now.minusSeconds(1);
            r.notOnOrAfter = now.plus(Duration.ofMinutes(70));
            r.scdNotOnOrAfter = now.plus(Duration.ofMinutes(70));
        });
    }
}
