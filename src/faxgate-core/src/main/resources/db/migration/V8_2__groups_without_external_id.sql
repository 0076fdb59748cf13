-- SCIM clients other than Entra (Okta, OneLogin, compliance suites) create groups without an externalId; such a
-- group is known by Faxgate's id alone. The unique key (tenant_id, external_id) still holds where one is given
-- (NULLs never collide on PostgreSQL or H2).
ALTER TABLE security_group ALTER COLUMN external_id DROP NOT NULL;
