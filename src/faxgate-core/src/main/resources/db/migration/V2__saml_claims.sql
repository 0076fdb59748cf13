-- SAML sign-in: per-tenant claim names (null = Microsoft Entra's claim URI) and the app-role values a user's last
-- assertion carried (they decide permissions in "Authentication and permissions" mode).

ALTER TABLE sso_settings ADD COLUMN claim_object_id VARCHAR(300);
ALTER TABLE sso_settings ADD COLUMN claim_email VARCHAR(300);
ALTER TABLE sso_settings ADD COLUMN claim_groups VARCHAR(300);
ALTER TABLE sso_settings ADD COLUMN claim_roles VARCHAR(300);
CREATE INDEX ix_sso_settings_client_id ON sso_settings (client_id);

CREATE TABLE asserted_role (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    tenant_id          BIGINT        NOT NULL REFERENCES tenant (id),
    directory_user_id  BIGINT        NOT NULL REFERENCES directory_user (id),
    role_value         VARCHAR(300)  NOT NULL,
    CONSTRAINT uq_asserted_role UNIQUE (directory_user_id, role_value)
);
