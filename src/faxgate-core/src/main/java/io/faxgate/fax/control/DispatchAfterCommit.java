package io.faxgate.fax.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Starts sending once the fax is committed — never before, or the worker could not see it yet. */
@ApplicationScoped
public class DispatchAfterCommit {

    @EJB
    FaxDispatcher dispatcher;

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) FaxQueued queued) {
        dispatcher.dispatch(queued.faxId());
    }
}
