package io.faxgate.access.control.planted;

import io.faxgate.fax.control.planted.FaxUsingAccess;

/** Planted violation for RulesCatchViolationsTest (never in main code): the other half of a two-way import. */
public class AccessUsingFax {

    FaxUsingAccess fax;
}
