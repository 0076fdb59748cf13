package io.faxgate.directory.boundary;

/** Request body: a label ("Entra provisioning", "AD agent Berlin") and an optional rate below the tenant's. */
public record NewScimToken(String label, Integer ratePerSecond) {
}
