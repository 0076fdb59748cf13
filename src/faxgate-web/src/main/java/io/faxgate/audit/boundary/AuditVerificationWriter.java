package io.faxgate.audit.boundary;

import io.faxgate.audit.control.AuditVerification;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes an {@link AuditVerification} with its null members ({@code "firstBroken": null} is part of the issue-13
 * contract). {@code @JsonbNillable} on the record is ignored by Payara's Yasson, and a global null-writing
 * {@code Jsonb} would change every other API answer — so only this type gets a null-writing {@code Jsonb}.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class AuditVerificationWriter implements MessageBodyWriter<AuditVerification> {

    private static final Jsonb WITH_NULLS = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return AuditVerification.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(AuditVerification verification, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
        WITH_NULLS.toJson(verification, out);
    }
}
