package io.faxgate.fax.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Outbound: QUEUED → SENDING → SENT or FAILED; inbound faxes are RECEIVED; final states stay final. */
class FaxStateTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final FaxLine line = persisted(new FaxLine(7, "+4930111", "Front desk", T0), 3L);

    /** As if the database had assigned the id. */
    private static FaxLine persisted(FaxLine line, long id) {
        try {
            java.lang.reflect.Field field = io.faxgate.platform.entity.VersionedEntity.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(line, id);
            return line;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Fax queued() {
        return Fax.queued(line, "+4930222", 2, "note", 99, "alice", T0);
    }

    @Test
    void aQueuedFaxIsOutboundAndNotFinal() {
        Fax fax = queued();
        assertThat(fax.getStatus()).isEqualTo(FaxStatus.QUEUED);
        assertThat(fax.getDirection()).isEqualTo(FaxDirection.OUTBOUND);
        assertThat(fax.getTenantId()).isEqualTo(7);
        assertThat(fax.getFaxLineId()).isEqualTo(3);
        assertThat(fax.getSentBy()).isEqualTo("alice");
        assertThat(fax.getStatus().isFinal()).isFalse();
    }

    @Test
    void sendingIsClaimedOnce() {
        Fax fax = queued();
        assertThat(fax.startSending(T0.plusSeconds(1))).isTrue();
        assertThat(fax.getStatus()).isEqualTo(FaxStatus.SENDING);
        assertThat(fax.getUpdatedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(fax.startSending(T0.plusSeconds(2))).as("a second worker does not take it").isFalse();
    }

    @Test
    void sentNeedsSending() {
        Fax fax = queued();
        assertThatThrownBy(() -> fax.sent("ref", T0)).isInstanceOf(IllegalStateException.class);
        fax.startSending(T0);
        fax.sent("carrier-1", T0.plusSeconds(3));
        assertThat(fax.getStatus()).isEqualTo(FaxStatus.SENT);
        assertThat(fax.getCarrierReference()).isEqualTo("carrier-1");
        assertThat(fax.getStatus().isFinal()).isTrue();
    }

    @Test
    void failingWorksFromQueuedAndSendingButNotFromAFinalState() {
        Fax stuck = queued();
        stuck.failed("gave up", T0.plusSeconds(5));
        assertThat(stuck.getStatus()).isEqualTo(FaxStatus.FAILED);
        assertThat(stuck.getFailureReason()).isEqualTo("gave up");
        assertThatThrownBy(() -> stuck.failed("again", T0)).isInstanceOf(IllegalStateException.class);
        assertThat(stuck.startSending(T0)).as("a failed fax is not sent").isFalse();

        Fax sending = queued();
        sending.startSending(T0);
        sending.failed("no fax answer", T0);
        assertThat(sending.getStatus()).isEqualTo(FaxStatus.FAILED);

        Fax sent = queued();
        sent.startSending(T0);
        sent.sent("ref", T0);
        assertThatThrownBy(() -> sent.failed("late", T0)).isInstanceOf(IllegalStateException.class);
        assertThat(sent.getStatus()).isEqualTo(FaxStatus.SENT);
    }

    @Test
    void aReceivedFaxIsInboundAndFinal() {
        Fax fax = Fax.received(line, "+4930333", 1, 5, "delivery-1", T0);
        assertThat(fax.getDirection()).isEqualTo(FaxDirection.INBOUND);
        assertThat(fax.getStatus()).isEqualTo(FaxStatus.RECEIVED);
        assertThat(fax.getStatus().isFinal()).isTrue();
        assertThat(fax.getCarrierReference()).isEqualTo("delivery-1");
        assertThat(fax.startSending(T0)).isFalse();
        assertThatThrownBy(() -> fax.sent("x", T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fax.failed("x", T0)).isInstanceOf(IllegalStateException.class);
    }
}
