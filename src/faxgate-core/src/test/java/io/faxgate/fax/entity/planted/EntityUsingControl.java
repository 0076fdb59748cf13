package io.faxgate.fax.entity.planted;

import io.faxgate.fax.control.FaxLines;

/** Planted violation for RulesCatchViolationsTest (never in main code): an entity reaching into control. */
public class EntityUsingControl {

    FaxLines lines;
}
