-- Issue 15: company sign-in by e-mail domain, and signed AuthnRequests per tenant.
--
-- A verified e-mail domain sends staff who type their work address on the sign-in page to their tenant's IdP.
-- A domain belongs to at most one tenant (unique, stored lower-case); a tenant admin's claim stays unverified until
-- the platform operator confirms it (decision 0024). verification_token is what the admin publishes as a DNS TXT
-- record for the operator to check.
CREATE TABLE email_domain (
    id                  BIGINT        NOT NULL,
    version             BIGINT        NOT NULL,
    tenant_id           BIGINT        NOT NULL REFERENCES tenant (id),
    domain              VARCHAR(253)  NOT NULL,
    verified            BOOLEAN       DEFAULT FALSE NOT NULL,
    verification_token  VARCHAR(64)   NOT NULL,
    claimed_by          VARCHAR(255)  NOT NULL,
    claimed_at          TIMESTAMP     NOT NULL,
    verified_by         VARCHAR(255),
    verified_at         TIMESTAMP,
    CONSTRAINT pk_email_domain PRIMARY KEY (id),
    CONSTRAINT uq_email_domain_domain UNIQUE (domain)
);
CREATE INDEX ix_email_domain_tenant ON email_domain (tenant_id);

-- Entra's "require verification certificates": AuthnRequests signed with the tenant's SP signing key, and the
-- metadata's AuthnRequestsSigned says so. Off for existing tenants (what they had).
ALTER TABLE sso_settings ADD COLUMN sign_authn_requests BOOLEAN DEFAULT FALSE NOT NULL;
