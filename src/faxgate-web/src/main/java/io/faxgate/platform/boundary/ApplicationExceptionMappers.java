package io.faxgate.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Maps the core's business exceptions to statuses: invalid → 400, unknown (or another tenant's) → 404, clash → 409, a value the caller may not use → 403,
 * rate limit → 429 with Retry-After.
 */
public final class ApplicationExceptionMappers {

    private ApplicationExceptionMappers() {
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage(), e.fieldErrors());
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return ApiError.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return ApiError.response(Response.Status.CONFLICT, e.getMessage(),
                    e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage())));
        }
    }

    @Provider
    public static class Forbidden implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException e) {
            return ApiError.response(Response.Status.FORBIDDEN, e.getMessage(),
                    e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage())));
        }
    }

    @Provider
    public static class TooManyRequests implements ExceptionMapper<TooManyRequestsException> {
        @Override
        public Response toResponse(TooManyRequestsException e) {
            Response error = ApiError.response(Response.Status.TOO_MANY_REQUESTS, e.getMessage());
            return Response.fromResponse(error).header("Retry-After", e.retryAfterSeconds()).build();
        }
    }
}
