package io.faxgate.fax.boundary.planted;

import io.faxgate.fax.control.FaxLines;

/** Planted violation for PagesCallFacadesTest (never in main code): a page calling a control bean. */
public class PlantedPage {

    FaxLines lines;
}
