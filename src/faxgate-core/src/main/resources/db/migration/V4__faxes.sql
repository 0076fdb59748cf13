-- Faxgate schema, version 4: faxes sent and received on fax lines, their documents, carrier deliveries already
-- received (replay protection for the carrier webhook), and password accounts for web staff.

-- The PDF as faxed (with its cover page, when there was a cover note). Kept apart from fax so that listing faxes
-- never reads document bytes.
CREATE TABLE fax_document (
    id            BIGINT        NOT NULL PRIMARY KEY,
    tenant_id     BIGINT        NOT NULL REFERENCES tenant (id),
    content_type  VARCHAR(100)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    content       BYTEA         NOT NULL,
    created_at    TIMESTAMP     NOT NULL
);
CREATE INDEX ix_fax_document_tenant ON fax_document (tenant_id);

CREATE TABLE fax (
    id                 BIGINT         NOT NULL PRIMARY KEY,
    version            BIGINT         NOT NULL,
    tenant_id          BIGINT         NOT NULL REFERENCES tenant (id),
    fax_line_id        BIGINT         NOT NULL REFERENCES fax_line (id),
    direction          VARCHAR(10)    NOT NULL,
    status             VARCHAR(10)    NOT NULL,
    remote_number      VARCHAR(16)    NOT NULL,
    pages              INTEGER        NOT NULL,
    cover_note         VARCHAR(1000),
    document_id        BIGINT         NOT NULL REFERENCES fax_document (id),
    sent_by            VARCHAR(300),
    carrier_reference  VARCHAR(200),
    failure_reason     VARCHAR(1000),
    created_at         TIMESTAMP      NOT NULL,
    updated_at         TIMESTAMP      NOT NULL
);
-- A line's faxes, newest first, is the console's main query.
CREATE INDEX ix_fax_line_created ON fax (tenant_id, fax_line_id, created_at DESC, id DESC);
CREATE INDEX ix_fax_status ON fax (status, updated_at);

-- Delivery ids the carrier webhook has accepted; a second delivery with the same id is a replay.
CREATE TABLE carrier_delivery (
    delivery_id   VARCHAR(200)  NOT NULL PRIMARY KEY,
    received_at   TIMESTAMP     NOT NULL
);
CREATE INDEX ix_carrier_delivery_received ON carrier_delivery (received_at);

-- Web staff password accounts sign in as a directory user (their groups give them their lines).
ALTER TABLE local_account ADD COLUMN directory_user_id BIGINT REFERENCES directory_user (id);
