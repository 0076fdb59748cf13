-- Faxgate schema, version 1. Portable between PostgreSQL and H2 (both are tested).
-- Every tenant-owned table carries tenant_id so that every query can (and must) name its tenant.

CREATE SEQUENCE faxgate_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE tenant (
    id           BIGINT       NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    slug         VARCHAR(63)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    sso_allowed  BOOLEAN      NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    updated_at   TIMESTAMP    NOT NULL,
    CONSTRAINT uq_tenant_slug UNIQUE (slug)
);

CREATE TABLE sso_settings (
    id                     BIGINT        NOT NULL PRIMARY KEY,
    version                BIGINT        NOT NULL,
    tenant_id              BIGINT        NOT NULL REFERENCES tenant (id),
    enabled                BOOLEAN       NOT NULL,
    mode                   VARCHAR(40)   NOT NULL,
    scope                  VARCHAR(20)   NOT NULL,
    login_endpoint         VARCHAR(1000),
    client_id              VARCHAR(200),
    idp_entity_id          VARCHAR(1000),
    primary_certificate    TEXT,
    secondary_certificate  TEXT,
    allow_idp_initiated    BOOLEAN       NOT NULL,
    require_mfa            BOOLEAN       NOT NULL,
    allow_sha1             BOOLEAN       NOT NULL,
    just_in_time_users     BOOLEAN       NOT NULL,
    clock_skew_seconds     INTEGER       NOT NULL,
    updated_at             TIMESTAMP     NOT NULL,
    CONSTRAINT uq_sso_settings_tenant UNIQUE (tenant_id)
);

CREATE TABLE sp_key_pair (
    id                     BIGINT        NOT NULL PRIMARY KEY,
    version                BIGINT        NOT NULL,
    tenant_id              BIGINT        NOT NULL REFERENCES tenant (id),
    certificate_pem        TEXT          NOT NULL,
    sealed_private_key     TEXT          NOT NULL,
    active                 BOOLEAN       NOT NULL,
    created_at             TIMESTAMP     NOT NULL
);
CREATE INDEX ix_sp_key_pair_tenant ON sp_key_pair (tenant_id);

CREATE TABLE fax_line (
    id           BIGINT       NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    tenant_id    BIGINT       NOT NULL REFERENCES tenant (id),
    number       VARCHAR(16)  NOT NULL,
    label        VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    CONSTRAINT uq_fax_line_number UNIQUE (number)
);
CREATE INDEX ix_fax_line_tenant ON fax_line (tenant_id);

CREATE TABLE security_group (
    id            BIGINT        NOT NULL PRIMARY KEY,
    version       BIGINT        NOT NULL,
    tenant_id     BIGINT        NOT NULL REFERENCES tenant (id),
    external_id   VARCHAR(200)  NOT NULL,
    display_name  VARCHAR(300)  NOT NULL,
    source        VARCHAR(10)   NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    CONSTRAINT uq_security_group_external UNIQUE (tenant_id, external_id)
);

CREATE TABLE fax_line_group_binding (
    fax_line_id        BIGINT NOT NULL REFERENCES fax_line (id),
    security_group_id  BIGINT NOT NULL REFERENCES security_group (id),
    PRIMARY KEY (fax_line_id, security_group_id)
);
CREATE INDEX ix_binding_group ON fax_line_group_binding (security_group_id);

CREATE TABLE directory_user (
    id              BIGINT        NOT NULL PRIMARY KEY,
    version         BIGINT        NOT NULL,
    tenant_id       BIGINT        NOT NULL REFERENCES tenant (id),
    external_id     VARCHAR(200),
    user_name       VARCHAR(300)  NOT NULL,
    email           VARCHAR(320),
    display_name    VARCHAR(300),
    active          BOOLEAN       NOT NULL,
    source          VARCHAR(10)   NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    last_sign_in_at TIMESTAMP,
    CONSTRAINT uq_directory_user_name UNIQUE (tenant_id, user_name),
    CONSTRAINT uq_directory_user_external UNIQUE (tenant_id, external_id)
);

CREATE TABLE group_membership (
    id                 BIGINT NOT NULL PRIMARY KEY,
    tenant_id          BIGINT NOT NULL REFERENCES tenant (id),
    security_group_id  BIGINT NOT NULL REFERENCES security_group (id),
    directory_user_id  BIGINT NOT NULL REFERENCES directory_user (id),
    CONSTRAINT uq_group_membership UNIQUE (security_group_id, directory_user_id)
);
CREATE INDEX ix_group_membership_user ON group_membership (directory_user_id);

CREATE TABLE role_mapping (
    id           BIGINT        NOT NULL PRIMARY KEY,
    version      BIGINT        NOT NULL,
    tenant_id    BIGINT        NOT NULL REFERENCES tenant (id),
    claim_value  VARCHAR(300)  NOT NULL,
    permission   VARCHAR(40)   NOT NULL,
    CONSTRAINT uq_role_mapping UNIQUE (tenant_id, claim_value, permission)
);

CREATE TABLE permission_grant (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    tenant_id          BIGINT       NOT NULL REFERENCES tenant (id),
    directory_user_id  BIGINT       NOT NULL REFERENCES directory_user (id),
    permission         VARCHAR(40)  NOT NULL,
    granted_by         VARCHAR(300) NOT NULL,
    granted_at         TIMESTAMP    NOT NULL,
    CONSTRAINT uq_permission_grant UNIQUE (directory_user_id, permission)
);

CREATE TABLE local_account (
    id             BIGINT        NOT NULL PRIMARY KEY,
    version        BIGINT        NOT NULL,
    tenant_id      BIGINT        REFERENCES tenant (id),
    username       VARCHAR(100)  NOT NULL,
    password_hash  VARCHAR(500)  NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    break_glass    BOOLEAN       NOT NULL,
    enabled        BOOLEAN       NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    last_login_at  TIMESTAMP,
    CONSTRAINT uq_local_account_username UNIQUE (username)
);

CREATE TABLE scim_token (
    id            BIGINT        NOT NULL PRIMARY KEY,
    tenant_id     BIGINT        NOT NULL REFERENCES tenant (id),
    label         VARCHAR(200)  NOT NULL,
    token_hash    VARCHAR(64)   NOT NULL,
    token_prefix  VARCHAR(12)   NOT NULL,
    created_at    TIMESTAMP     NOT NULL,
    last_used_at  TIMESTAMP,
    revoked_at    TIMESTAMP,
    CONSTRAINT uq_scim_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_scim_token_tenant ON scim_token (tenant_id);

CREATE TABLE audit_event (
    id           BIGINT        NOT NULL PRIMARY KEY,
    tenant_id    BIGINT        REFERENCES tenant (id),
    occurred_at  TIMESTAMP     NOT NULL,
    actor        VARCHAR(300)  NOT NULL,
    type         VARCHAR(60)   NOT NULL,
    outcome      VARCHAR(10)   NOT NULL,
    target       VARCHAR(300),
    detail       TEXT,
    source_ip    VARCHAR(64)
);
CREATE INDEX ix_audit_event_tenant_time ON audit_event (tenant_id, occurred_at);
