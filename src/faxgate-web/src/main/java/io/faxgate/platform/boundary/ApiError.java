package io.faxgate.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The one error shape of the API: never a stack trace, always the field at fault when there is one. */
public record ApiError(int status, String error, String message, List<FieldError> fieldErrors) {

    public static Response response(Response.Status status, String message, List<FieldError> fieldErrors) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), message, fieldErrors)).build();
    }

    public static Response response(Response.Status status, String message) {
        return response(status, message, List.of());
    }

    /**
     * The same shape written by a servlet filter or the authentication mechanism, which answer before JAX-RS runs.
     * Built with JSON-P, so a message can never break out of its string.
     */
    public static void write(HttpServletResponse response, Response.Status status, String message,
                             List<FieldError> fieldErrors) throws IOException {
        JsonArrayBuilder fields = Json.createArrayBuilder();
        fieldErrors.forEach(f -> fields.add(Json.createObjectBuilder().add("field", f.field()).add("message", f.message())));
        response.setStatus(status.getStatusCode());
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder().add("status", status.getStatusCode())
                .add("error", status.getReasonPhrase()).add("message", message).add("fieldErrors", fields).build().toString());
    }
}
