-- SAML hardening (issue 11, items 4 and 11).
--
-- One row per accepted assertion while it could still be accepted: the primary key makes first use atomic across
-- nodes (a second INSERT of the same key fails = replay). The key is the SHA-256 (hex) of issuer + assertion ID,
-- never the raw ID. Rows are counted per tenant (quota) and purged after expires_at.
CREATE TABLE saml_assertion_use (
    tenant_id      BIGINT       NOT NULL REFERENCES tenant (id),
    assertion_key  CHAR(64)     NOT NULL,
    expires_at     TIMESTAMP    NOT NULL,
    CONSTRAINT pk_saml_assertion_use PRIMARY KEY (tenant_id, assertion_key)
);
CREATE INDEX ix_saml_assertion_use_tenant_expiry ON saml_assertion_use (tenant_id, expires_at);
CREATE INDEX ix_saml_assertion_use_expiry ON saml_assertion_use (expires_at);

-- Separate SP key pairs for signing and for decrypting: the existing pair signs; each tenant gets an encryption
-- pair on first use (sso/control/SpEncryptionKey), generated and sealed by the application, not by SQL.
ALTER TABLE sp_key_pair ADD COLUMN key_use VARCHAR(16) DEFAULT 'SIGNING' NOT NULL;
CREATE INDEX ix_sp_key_pair_tenant_use ON sp_key_pair (tenant_id, key_use);

-- AES-CBC token encryption is refused unless the tenant opts in (audited).
ALTER TABLE sso_settings ADD COLUMN allow_aes_cbc BOOLEAN DEFAULT FALSE NOT NULL;
