package io.faxgate.directory.boundary;

import io.faxgate.directory.control.ScimProblem;

import io.faxgate.directory.control.IfMatch;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/** What the SCIM resources share: the authenticated client, ids, paging parameters. */
final class ScimResources {

    static final String SCIM_JSON = ScimJson.SCIM_JSON;
    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 200;

    private ScimResources() {
    }

    /**
     * The client {@link ScimGateway} authenticated. Absent when a SCIM resource is reached outside the SCIM
     * application (the management API's scan also sees these classes): then it does not exist there.
     */
    static ScimClient client(ContainerRequestContext request, String tenant) {
        Object client = request.getProperty(ScimGateway.CLIENT);
        if (client instanceof ScimClient c && c.tenantSlug().equals(tenant)) {
            return c;
        }
        throw new NotFoundException();
    }

    static String base(ScimClient client) {
        return client.scimBase();
    }

    static long id(String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ScimProblem.notFound(what + " " + EntraPatchDialect.printable(text));
        }
    }

    static int startIndex(String text) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw ScimProblem.invalidValue("startIndex must be a number");
        }
    }

    static int count(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_COUNT;
        }
        try {
            return Math.min(MAX_COUNT, Math.max(0, Integer.parseInt(text.strip())));
        } catch (NumberFormatException e) {
            throw ScimProblem.invalidValue("count must be a number");
        }
    }

    /**
     * The {@code If-Match} header: {@code *}, or entity tags such as {@code W/"3"} (weak and strong compare alike, RFC
     * 9110 13.1.1 for If-Match uses strong comparison, but SCIM's meta.version is weak by nature). A tag that is not one
     * of ours matches nothing, so the change is refused with 412 rather than applied. Absent: null (no precondition).
     */
    static IfMatch ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        java.util.Set<Long> versions = new java.util.HashSet<>();
        for (String raw : header.split(",")) {
            String tag = raw.strip();
            if (tag.equals("*")) {
                return new IfMatch(java.util.Set.of(), true);
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            try {
                versions.add(Long.parseLong(tag));
            } catch (NumberFormatException notOurs) {
                // matches no version of ours
            }
        }
        return new IfMatch(versions, false);
    }

    /** The resource's {@code meta.version} as its ETag header (RFC 7644 3.14). */
    static Response withETag(Response response, com.fasterxml.jackson.databind.JsonNode resource) {
        String version = resource.path("meta").path("version").asText(null);
        return version == null ? response : Response.fromResponse(response).header("ETag", version).build();
    }
}
