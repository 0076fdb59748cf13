package io.faxgate.fax.boundary.planted;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import javax.sql.DataSource;

/** Planted violation for PagesCallFacadesTest (never in main code): a JAX-RS resource touching the database. */
@Path("planted")
public class PlantedResource {

    EntityManager em;

    DataSource dataSource;
}
