package io.faxgate.directory.control;

import jakarta.ejb.ApplicationException;

/**
 * A request SCIM refuses, with the HTTP status and the RFC 7644 {@code scimType} to answer (3.12): e.g. 400
 * {@code invalidValue}, 409 {@code uniqueness}, 404 (no scimType). Rolls back so nothing is half-written.
 */
@ApplicationException(rollback = true)
public class ScimProblem extends RuntimeException {

    private final int status;
    private final String scimType;

    public ScimProblem(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public static ScimProblem invalidValue(String detail) {
        return new ScimProblem(400, "invalidValue", detail);
    }

    public static ScimProblem invalidSyntax(String detail) {
        return new ScimProblem(400, "invalidSyntax", detail);
    }

    public static ScimProblem invalidFilter(String detail) {
        return new ScimProblem(400, "invalidFilter", detail);
    }

    public static ScimProblem invalidPath(String detail) {
        return new ScimProblem(400, "invalidPath", detail);
    }

    public static ScimProblem noTarget(String detail) {
        return new ScimProblem(400, "noTarget", detail);
    }

    public static ScimProblem mutability(String detail) {
        return new ScimProblem(400, "mutability", detail);
    }

    public static ScimProblem tooMany(String detail) {
        return new ScimProblem(400, "tooMany", detail);
    }

    public static ScimProblem uniqueness(String detail) {
        return new ScimProblem(409, "uniqueness", detail);
    }

    public static ScimProblem notFound(String what) {
        return new ScimProblem(404, null, what + " not found");
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }
}
