package io.faxgate.sso.boundary;

import java.util.List;

/** What an IdP's federation metadata fills into the SSO form (nothing is saved by reading it). */
public record ImportedMetadata(String entityId, String loginEndpoint, List<String> certificates, boolean entraIssuer) {
}
