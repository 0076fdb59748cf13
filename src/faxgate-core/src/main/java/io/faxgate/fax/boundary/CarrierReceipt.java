package io.faxgate.fax.boundary;

import java.io.Serializable;

/**
 * The webhook's answer to an accepted delivery: nothing but the delivery id echoed and {@code RECEIVED} — the
 * carrier learns neither the tenant nor our fax id.
 */
public record CarrierReceipt(String deliveryId, String status) implements Serializable {

    public static CarrierReceipt received(String deliveryId) {
        return new CarrierReceipt(deliveryId, "RECEIVED");
    }
}
