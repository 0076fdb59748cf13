package io.faxgate.access.control;

import io.faxgate.access.entity.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The caller of this EJB call with their permissions as of now ({@link CallerDirectory}). */
@Stateless
public class CurrentCaller {

    @Resource
    SessionContext session;

    @Inject
    CallerDirectory callers;

    public Caller get() {
        return callers.find(session.getCallerPrincipal().getName())
                .orElseThrow(() -> new EJBAccessException("caller is no longer known"));
    }
}
