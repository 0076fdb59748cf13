package io.faxgate.platform.boundary;

import jakarta.ws.rs.core.MediaType;
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
}
