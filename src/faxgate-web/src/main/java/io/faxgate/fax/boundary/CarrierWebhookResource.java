package io.faxgate.fax.boundary;

import jakarta.annotation.security.PermitAll;
import io.faxgate.platform.boundary.ClientAddress;
import io.faxgate.fax.control.InboundFax;
import io.faxgate.fax.control.WebhookSignature;
import io.faxgate.platform.boundary.ApiError;
import io.faxgate.platform.boundary.FieldError;
import io.faxgate.platform.boundary.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The carrier's inbound-fax webhook, {@code POST /api/v1/carrier/inbound-faxes}. No container authentication: the
 * HMAC signature over {@code timestamp + "." + raw body} is the authentication (docs/carrier-integration.md).
 *
 * <p>Order matters: no secret configured → 503 before anything is read; the raw body is read with a hard cap
 * (413) and its signature verified (401) before a single byte of it is parsed; only then JSON (400), the number
 * (404) and the delivery id's replay memory (409). 401 answers say nothing about what was wrong; the audit log
 * does. Neither secret, signature nor body is ever logged.
 */
@Path("carrier/inbound-faxes")
@Tag(name = "Carrier webhook")
@PermitAll // authenticated by its HMAC signature, not by a signed-in caller (SignedInCallersOnly)
public class CarrierWebhookResource {

    static final String NOT_AUTHENTICATED = "not authenticated: the request's signature or timestamp is missing or not valid";

    @EJB
    CarrierWebhookFacade webhook;

    @Context
    HttpServletRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(summary = "A fax the carrier received for one of our numbers (HMAC-signed; see docs/carrier-integration.md)",
            description = "Headers Faxgate-Timestamp (unix seconds) and Faxgate-Signature (v1=<hex HMAC-SHA256 of "
                    + "timestamp + '.' + raw body>). Body {deliveryId, to, from, document (base64 PDF), receivedAt?}. "
                    + "201 received; 400 invalid field; 401 signature/timestamp not valid; 404 unknown number; "
                    + "409 delivery already received (stop retrying); 413 too large; 503 webhook not configured.")
    public Response receive(@HeaderParam(WebhookSignature.TIMESTAMP_HEADER) String timestamp,
                            @HeaderParam(WebhookSignature.SIGNATURE_HEADER) String signature,
                            InputStream body) {
        String sourceIp = ClientAddress.of(request);
        if (!webhook.configured()) {
            return notConfigured();
        }
        long limit = webhook.maxRequestBytes();
        byte[] raw;
        try {
            raw = readAtMost(body, request.getContentLengthLong(), limit);
        } catch (TooLarge tooLarge) {
            webhook.recordRefusal("413 request body larger than " + limit + " bytes", sourceIp);
            return ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "the request body is larger than " + limit + " bytes");
        }
        switch (webhook.authenticate(timestamp, signature, raw, sourceIp)) {
            case NOT_CONFIGURED:
                return notConfigured();
            case REFUSED:
                return Response.fromResponse(ApiError.response(Response.Status.UNAUTHORIZED, NOT_AUTHENTICATED))
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Faxgate-Signature realm=\"faxgate-carrier\"").build();
            case ACCEPTED:
            default:
                break;
        }
        InboundFax delivery;
        try {
            delivery = parse(raw);
        } catch (InvalidInputException invalid) {
            webhook.recordRefusal("400 " + invalid.getMessage(), sourceIp);
            throw invalid;
        }
        CarrierReceipt receipt = webhook.receive(delivery, sourceIp);
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE).entity(receipt).build();
    }

    private static Response notConfigured() {
        return ApiError.response(Response.Status.SERVICE_UNAVAILABLE,
                "the carrier webhook is not configured on this server");
    }

    /** The delivery in a signed body; field errors (400) name the field and never echo its value. */
    static InboundFax parse(byte[] raw) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(raw))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException("body", "must be a JSON object");
            }
            json = value.asJsonObject();
        } catch (JsonException | IllegalStateException malformed) {
            throw new InvalidInputException("body", "malformed JSON");
        }
        String deliveryId = string(json, "deliveryId");
        String to = string(json, "to");
        String from = string(json, "from");
        String document = string(json, "document");
        String receivedAt = string(json, "receivedAt");
        if (receivedAt != null) {
            try {
                Instant.parse(receivedAt); // informational: we record our own time of receipt
            } catch (DateTimeParseException notAnInstant) {
                throw new InvalidInputException("receivedAt", "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            }
        }
        byte[] pdf = null;
        if (document != null) {
            try {
                pdf = Base64.getDecoder().decode(document);
            } catch (IllegalArgumentException notBase64) {
                throw new InvalidInputException("document", "must be the PDF encoded as base64 (RFC 4648, no line breaks)");
            }
        }
        return new InboundFax(deliveryId, to, from, pdf);
    }

    private static String string(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw new InvalidInputException(List.of(new FieldError(field, "must be a string")));
        }
        return text.getString();
    }

    /** Reads the body, refusing (without reading on) one that declares or turns out to be larger than the limit. */
    static byte[] readAtMost(InputStream in, long declaredLength, long limit) {
        if (declaredLength > limit) {
            throw new TooLarge();
        }
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declaredLength, 8192), limit));
        byte[] buffer = new byte[16384];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > limit) {
                    throw new TooLarge();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException broken) {
            throw new InvalidInputException("body", "the request body could not be read");
        }
        return out.toByteArray();
    }

    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
