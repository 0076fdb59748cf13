-- SCIM provisioning (Entra, AD sync agent): name parts as the directory sends them, a case-insensitive key for
-- userName lookups (SCIM compares userName case-insensitively; H2 has no expression indexes, hence a column),
-- an optional per-token request rate, and indexes for the filters Entra sends.

ALTER TABLE directory_user ADD COLUMN given_name VARCHAR(300);
ALTER TABLE directory_user ADD COLUMN family_name VARCHAR(300);
ALTER TABLE directory_user ADD COLUMN user_name_key VARCHAR(300);
UPDATE directory_user SET user_name_key = LOWER(user_name);
CREATE INDEX ix_directory_user_name_key ON directory_user (tenant_id, user_name_key);
CREATE INDEX ix_directory_user_display_name ON directory_user (tenant_id, display_name);

CREATE INDEX ix_security_group_display_name ON security_group (tenant_id, display_name);

ALTER TABLE scim_token ADD COLUMN rate_per_second INTEGER;
