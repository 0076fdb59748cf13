package io.faxgate.it.idp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Keycloak protocol mappers that make a SAML client send Microsoft Entra ID's claims ({@link EntraClaim}) under
 * Entra's exact Attribute Names: user properties, the object id attribute, hardcoded tenant id / MFA / groups link,
 * and groups and roles as ONE multi-valued Attribute each ({@code single=true}), as Entra sends them.
 */
final class EntraClaimMappers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OBJECT_ID_ATTRIBUTE = KeycloakIdp.OBJECT_ID_ATTRIBUTE;

    private EntraClaimMappers() {
    }

    static ObjectNode mapper(EntraClaim claim, SamlClientSpec spec) {
        ObjectNode mapper = JSON.createObjectNode();
        mapper.put("name", claim.name().toLowerCase());
        mapper.put("protocol", "saml");
        ObjectNode config = mapper.putObject("config");
        config.put("attribute.name", claim.attributeName());
        config.put("attribute.nameformat", "Unspecified"); // Entra sends no NameFormat
        switch (claim) {
            case EMAIL_ADDRESS -> userProperty(mapper, config, "email");
            case NAME -> userProperty(mapper, config, "username");
            case GIVEN_NAME -> userProperty(mapper, config, "firstName");
            case SURNAME -> userProperty(mapper, config, "lastName");
            case OBJECT_IDENTIFIER -> {
                mapper.put("protocolMapper", "saml-user-attribute-mapper");
                config.put("user.attribute", OBJECT_ID_ATTRIBUTE);
                config.put("aggregate.attrs", "false");
            }
            case TENANT_ID -> hardcoded(mapper, config, spec.tenantId());
            case AUTHN_METHODS_REFERENCES -> hardcoded(mapper, config, spec.authnMethodsReference());
            case GROUPS_LINK -> hardcoded(mapper, config, spec.groupsLink());
            case GROUPS -> {
                mapper.put("protocolMapper", "saml-group-membership-mapper");
                config.put("full.path", "false");
                config.put("single", "true");
            }
            case ROLE -> {
                mapper.put("protocolMapper", "saml-role-list-mapper");
                config.put("single", "true");
            }
            default -> throw new IllegalArgumentException(claim.name());
        }
        return mapper;
    }

    private static void userProperty(ObjectNode mapper, ObjectNode config, String property) {
        mapper.put("protocolMapper", "saml-user-property-mapper");
        config.put("user.attribute", property);
    }

    private static void hardcoded(ObjectNode mapper, ObjectNode config, String value) {
        mapper.put("protocolMapper", "saml-hardcode-attribute-mapper");
        config.put("attribute.value", value);
    }
}
