package io.faxgate.fax.control.planted;

import io.faxgate.fax.boundary.FaxFacade;
import io.faxgate.platform.boundary.NotFoundException;

/** Planted violation for RulesCatchViolationsTest (never in main code): control calling a boundary facade. */
public class ControlUsingFacade {

    FaxFacade facade;

    /** Allowed: the platform's refusals may be thrown by controls. */
    NotFoundException refusal;
}
