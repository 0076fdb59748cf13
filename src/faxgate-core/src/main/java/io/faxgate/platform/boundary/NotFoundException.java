package io.faxgate.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * The thing does not exist for this caller. Also used for things of another tenant, so that ids never reveal
 * what exists elsewhere (never "forbidden" across tenants).
 */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
