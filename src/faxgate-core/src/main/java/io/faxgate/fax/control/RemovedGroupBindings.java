package io.faxgate.fax.control;

import io.faxgate.directory.control.SecurityGroupRemoved;
import io.faxgate.platform.control.AccessEpoch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** When the directory deletes a security group, its fax line bindings go with it (fax owns the bindings). */
@ApplicationScoped
public class RemovedGroupBindings {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessEpoch epoch;

    void groupRemoved(@Observes SecurityGroupRemoved removed) {
        // The join table has no entity of its own; a bulk statement, so the epoch is moved by hand.
        int bindings = em.createNativeQuery("DELETE FROM fax_line_group_binding WHERE security_group_id = ?")
                .setParameter(1, removed.groupId()).executeUpdate();
        epoch.changedInThisTransaction();
        removed.released(bindings + " fax line binding(s)");
    }
}
