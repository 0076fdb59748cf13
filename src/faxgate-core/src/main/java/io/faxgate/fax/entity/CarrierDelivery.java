package io.faxgate.fax.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A carrier webhook delivery id we accepted. Its primary key makes a replayed delivery fail to insert, on every
 * node of a cluster and across restarts; rows older than the webhook's timestamp window are purged.
 */
@Entity
@Table(name = "carrier_delivery")
@NamedQuery(name = CarrierDelivery.PURGE_BEFORE, query = "delete from CarrierDelivery d where d.receivedAt < :before")
public class CarrierDelivery {

    public static final String PURGE_BEFORE = "CarrierDelivery.purgeBefore";

    @Id
    @Column(name = "delivery_id")
    private String deliveryId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected CarrierDelivery() {
    }

    public CarrierDelivery(String deliveryId, Instant receivedAt) {
        this.deliveryId = deliveryId;
        this.receivedAt = receivedAt;
    }

    public String getDeliveryId() {
        return deliveryId;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
