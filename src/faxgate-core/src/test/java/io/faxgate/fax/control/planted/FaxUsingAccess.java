package io.faxgate.fax.control.planted;

import io.faxgate.access.control.planted.AccessUsingFax;

/** Planted violation for RulesCatchViolationsTest (never in main code): one half of a two-way import. */
public class FaxUsingAccess {

    AccessUsingFax access;
}
