package io.faxgate.fax.boundary.planted;

import io.faxgate.fax.control.FaxLines;
import jakarta.inject.Named;

/** Planted violation for PagesCallFacadesTest (never in main code): a page's @Named helper calling a control bean. */
@Named
public class PlantedNamedBean {

    FaxLines lines;
}
