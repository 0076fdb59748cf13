package io.faxgate.directory.boundary;

import io.faxgate.directory.control.ScimProblem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.faxgate.platform.boundary.InvalidInputException;
import io.faxgate.platform.boundary.NotFoundException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import io.faxgate.platform.boundary.DatabaseOutageAnswer;
import io.faxgate.platform.control.DatabaseOutage;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error of the SCIM endpoint as a SCIM error document (RFC 7644 3.12): {@code status} as a string, a
 * {@code scimType} where one applies, a {@code detail} for the admin reading Entra's provisioning log. Never a stack
 * trace: unexpected failures answer 500 with an incident id, the trace goes to the server log.
 */
@ApplicationScoped
public class ScimErrors implements ExceptionMapper<Throwable> {

    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final Logger LOG = Logger.getLogger(ScimErrors.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof ScimProblem p) {
            return response(p.status(), p.scimType(), p.getMessage());
        }
        if (e instanceof ScimException s) {
            return response(s.getScimError().getStatus(), s.getScimError().getScimType(), s.getScimError().getDetail());
        }
        if (e instanceof NotFoundException) {
            return response(404, null, "not found");
        }
        if (e instanceof InvalidInputException invalid) {
            return response(400, "invalidValue", invalid.getMessage());
        }
        if (e instanceof JsonProcessingException) {
            return response(400, "invalidSyntax", "the body is not valid JSON or not the expected SCIM document");
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            Response.Status known = Response.Status.fromStatusCode(status);
            return response(status, null, known == null ? "request refused" : known.getReasonPhrase());
        }
        if (DatabaseOutage.causedBy(thrown)) {
            return DatabaseOutageAnswer.scim();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "SCIM: unexpected error, incident " + incident, thrown);
        return response(500, null, "unexpected error; incident " + incident);
    }

    public static Response response(int status, String scimType, String detail) {
        ObjectNode body = JsonUtils.getJsonNodeFactory().objectNode();
        body.putArray("schemas").add(ERROR_SCHEMA);
        body.put("status", Integer.toString(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        if (detail != null) {
            body.put("detail", detail);
        }
        return Response.status(status).type(ScimJson.SCIM_JSON).entity(ScimJson.write(body)).build();
    }

    static Throwable unwrap(Throwable e) {
        Throwable current = e;
        for (int i = 0; i < 10 && current != null; i++) {
            if (current instanceof ScimProblem || current instanceof NotFoundException || current instanceof InvalidInputException) {
                return current;
            }
            if ((current instanceof EJBException || current.getClass().getName().startsWith("jakarta.ejb."))
                    && current.getCause() != null) {
                current = current.getCause();
                continue;
            }
            return current;
        }
        return e;
    }
}
