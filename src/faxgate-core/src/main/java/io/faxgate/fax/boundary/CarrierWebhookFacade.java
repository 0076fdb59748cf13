package io.faxgate.fax.boundary;

import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.fax.control.CarrierWebhookSettings;
import io.faxgate.fax.control.FaxDocumentRules;
import io.faxgate.fax.control.InboundFax;
import io.faxgate.fax.control.InboundFaxes;
import io.faxgate.fax.control.WebhookSignature;
import io.faxgate.fax.entity.FaxLine;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.platform.boundary.FieldError;
import io.faxgate.platform.boundary.InvalidInputException;
import io.faxgate.platform.boundary.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The carrier's inbound-fax webhook. There is no container caller: the carrier authenticates every request with
 * an HMAC signature over timestamp and raw body ({@link WebhookSignature}), hence {@code @PermitAll} here and the
 * signature check as the first step of every request. An accepted delivery is stored by {@link InboundFaxes} with
 * the actor {@value #ACTOR}; every refusal is audited as {@link AuditTypes#CARRIER_WEBHOOK_REFUSED} in a
 * transaction of its own (no tenant, never a secret, a signature or the body).
 */
@Stateless
@PermitAll
public class CarrierWebhookFacade {

    public static final String ACTOR = "carrier:webhook";
    static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    static final Pattern NUMBER = Pattern.compile(FaxLine.E164_PATTERN);
    static final String ANONYMOUS_SENDER = "anonymous";
    /** JSON syntax, field names and the other fields, beyond the document's base64 text. */
    static final long ENVELOPE_MARGIN = 64 * 1024;

    /** The outcome of {@link #authenticate}. */
    public enum Authentication { ACCEPTED, REFUSED, NOT_CONFIGURED }

    @Inject
    CarrierWebhookSettings settings;

    @Inject
    FaxDocumentRules documents;

    @EJB
    InboundFaxes inbound;

    @Inject
    AuditTrail audit;

    /** False when no (usable) secret is configured: then nothing is accepted, not even read. */
    public boolean configured() {
        return settings.signature().isPresent();
    }

    /** The largest request body worth reading: the largest document we take, base64-encoded, plus the envelope. */
    public long maxRequestBytes() {
        return documents.maxBytes() / 3 * 4 + 4 + ENVELOPE_MARGIN;
    }

    /** Checks the signature of a request before anything in its body is looked at; a refusal is audited. */
    public Authentication authenticate(String timestamp, String signature, byte[] body, String sourceIp) {
        Optional<WebhookSignature> verifier = settings.signature();
        if (verifier.isEmpty()) {
            return Authentication.NOT_CONFIGURED;
        }
        WebhookSignature.Verdict verdict = verifier.get().verify(timestamp, signature, body);
        if (verdict == WebhookSignature.Verdict.VALID) {
            return Authentication.ACCEPTED;
        }
        recordRefusal(null, "401 not authenticated: " + verdict.description(), sourceIp);
        return Authentication.REFUSED;
    }

    /**
     * Stores an authenticated delivery on the line with its {@code to} number. 400 for a field that breaks a rule
     * (named), 404 for a number that is not ours, 409 for a delivery id already received; each refusal is audited.
     */
    public CarrierReceipt receive(InboundFax delivery, String sourceIp) {
        try {
            validate(delivery);
            inbound.receive(delivery, ACTOR);
            return CarrierReceipt.received(delivery.deliveryId());
        } catch (InvalidInputException invalid) {
            recordRefusal(delivery.toNumber(), "400 " + invalid.getMessage() + deliverySuffix(delivery), sourceIp);
            throw invalid;
        } catch (NotFoundException unknownNumber) {
            recordRefusal(delivery.toNumber(), "404 no fax line has this number" + deliverySuffix(delivery), sourceIp);
            throw unknownNumber;
        } catch (ConflictException replay) {
            recordRefusal(delivery.toNumber(), "409 replay: delivery " + delivery.deliveryId()
                    + " was already received", sourceIp);
            throw replay;
        }
    }

    /** Audits a refused request; {@code reason} must hold neither a secret, a signature nor the body. */
    public void recordRefusal(String reason, String sourceIp) {
        recordRefusal(null, reason, sourceIp);
    }

    private void recordRefusal(String target, String reason, String sourceIp) {
        audit.recordIndependently(null, ACTOR, AuditTypes.CARRIER_WEBHOOK_REFUSED, AuditOutcome.DENIED,
                target != null && NUMBER.matcher(target).matches() ? target : null, reason, sourceIp);
    }

    private static void validate(InboundFax delivery) {
        List<FieldError> errors = new ArrayList<>();
        if (delivery.deliveryId() == null || delivery.deliveryId().isEmpty()) {
            errors.add(new FieldError("deliveryId", "is required"));
        } else if (!DELIVERY_ID.matcher(delivery.deliveryId()).matches()) {
            errors.add(new FieldError("deliveryId", "must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_' and '-'"));
        }
        if (delivery.toNumber() == null || delivery.toNumber().isEmpty()) {
            errors.add(new FieldError("to", "is required"));
        } else if (!NUMBER.matcher(delivery.toNumber()).matches()) {
            errors.add(new FieldError("to", "must be an E.164 number such as +4930123456"));
        }
        if (delivery.fromNumber() == null || delivery.fromNumber().isEmpty()) {
            errors.add(new FieldError("from", "is required (\"" + ANONYMOUS_SENDER + "\" when the caller id is withheld)"));
        } else if (!NUMBER.matcher(delivery.fromNumber()).matches() && !ANONYMOUS_SENDER.equals(delivery.fromNumber())) {
            errors.add(new FieldError("from", "must be an E.164 number such as +4930123456, or \"" + ANONYMOUS_SENDER + "\""));
        }
        if (delivery.pdf() == null || delivery.pdf().length == 0) {
            errors.add(new FieldError("document", "is required: the PDF, base64-encoded"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String deliverySuffix(InboundFax delivery) {
        return delivery.deliveryId() != null && DELIVERY_ID.matcher(delivery.deliveryId()).matches()
                ? " (delivery " + delivery.deliveryId() + ")" : "";
    }
}
