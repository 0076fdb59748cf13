-- SSO setup (issue 15): test before enforce, the sign-in debugger, the MFA claim per tenant.

-- Which attribute lists the authentication methods, and which value in it means multi-factor; null = Entra's.
ALTER TABLE sso_settings ADD COLUMN claim_mfa VARCHAR(300);
ALTER TABLE sso_settings ADD COLUMN mfa_value VARCHAR(300);

-- The connection settings (SHA-256 fingerprint) a test sign-in last passed with, when and by whom. A save that
-- changes a connection setting makes the fingerprint differ: the earlier test no longer counts.
ALTER TABLE sso_settings ADD COLUMN tested_fingerprint CHAR(64);
ALTER TABLE sso_settings ADD COLUMN tested_at TIMESTAMP;
ALTER TABLE sso_settings ADD COLUMN tested_by VARCHAR(200);

-- What the sign-in debugger shows: the displayable fields extracted from a test sign-in or a refused real one
-- (JSON), never the raw message. At most the newest 20 per tenant and kind are kept (sso/control/SignInRecords).
CREATE TABLE sso_sign_in_record (
    id           BIGINT        NOT NULL PRIMARY KEY,
    version      BIGINT        NOT NULL,
    tenant_id    BIGINT        NOT NULL REFERENCES tenant (id),
    kind         VARCHAR(16)   NOT NULL,
    occurred_at  TIMESTAMP     NOT NULL,
    actor        VARCHAR(200),
    passed       BOOLEAN       NOT NULL,
    reason       VARCHAR(64),
    fingerprint  CHAR(64),
    report       TEXT          NOT NULL
);
CREATE INDEX ix_sso_sign_in_record_tenant_kind ON sso_sign_in_record (tenant_id, kind, occurred_at);
