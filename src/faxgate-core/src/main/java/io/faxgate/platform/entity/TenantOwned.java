package io.faxgate.platform.entity;

/** Marks rows that belong to one tenant; repositories filter every query by this id. */
public interface TenantOwned {
    long getTenantId();
}
