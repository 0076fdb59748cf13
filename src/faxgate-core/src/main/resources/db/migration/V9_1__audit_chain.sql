-- Tamper-evident audit trail (issue 13). Events are still inserted as before; a sealer links them shortly after
-- commit: per chain (one per tenant, key = tenant id; one for platform events, key 0) it gives each event the next
-- position and chain_hash = SHA-256(previous hash || canonical event bytes). NULL position = not sealed yet.
ALTER TABLE audit_event ADD COLUMN chain_position BIGINT;
ALTER TABLE audit_event ADD COLUMN chain_hash VARCHAR(64);
CREATE INDEX ix_audit_event_chain ON audit_event (tenant_id, chain_position);
CREATE INDEX ix_audit_event_unsealed ON audit_event (chain_position, id);
-- Retention deletes by time across tenants.
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);

-- One row per chain: its head (last sealed position and hash) and its anchor (position and hash of the last event
-- removed by retention, 0 and the genesis hash while nothing was removed). The row is also the chain's lock: the
-- sealer, the purge and the verification take it FOR UPDATE, so only one node works on a chain at a time.
CREATE TABLE audit_chain (
    chain_key        BIGINT       NOT NULL PRIMARY KEY,
    last_position    BIGINT       NOT NULL,
    last_hash        VARCHAR(64)  NOT NULL,
    anchor_position  BIGINT       NOT NULL,
    anchor_hash      VARCHAR(64)  NOT NULL,
    purged_events    BIGINT       NOT NULL,
    purged_through   TIMESTAMP,
    updated_at       TIMESTAMP    NOT NULL
);

-- Daily maintenance jobs (retention): the row is locked FOR UPDATE by the node that runs the job, and last_run_at
-- tells the other nodes it already ran.
CREATE TABLE maintenance_job (
    name         VARCHAR(60)  NOT NULL PRIMARY KEY,
    last_run_at  TIMESTAMP
);
INSERT INTO maintenance_job (name, last_run_at) VALUES ('retention', NULL);

-- Retention of fax documents: the row stays (faxes reference it, and its size and SHA-256 remain evidence of what
-- was faxed); its content is emptied and purged_at says when.
ALTER TABLE fax_document ADD COLUMN purged_at TIMESTAMP;
CREATE INDEX ix_fax_document_created ON fax_document (created_at);
