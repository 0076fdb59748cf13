package io.faxgate.fax.entity;

/** Whether a fax came in on the line or went out from it. */
public enum FaxDirection { INBOUND, OUTBOUND }
