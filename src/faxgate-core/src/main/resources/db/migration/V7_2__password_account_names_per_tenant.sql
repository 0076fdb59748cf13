-- Password account usernames are unique per tenant, and operators have their own namespace (tenant_scope 0), so no
-- answer about one tenant's usernames can tell anything about another tenant's or an operator's.
-- sign_in_name is the name that signs in without naming the tenant: given to operators and to the tenant
-- administrators the operator creates (the operator sees every tenant anyway), and kept for every account that
-- existed before (they were unique platform-wide), so existing sign-ins keep working. Console passwords set from now
-- on have none: their users sign in as {tenant}/{username}.
ALTER TABLE local_account ADD COLUMN tenant_scope BIGINT DEFAULT 0 NOT NULL;
UPDATE local_account SET tenant_scope = tenant_id WHERE tenant_id IS NOT NULL;
ALTER TABLE local_account ADD COLUMN sign_in_name VARCHAR(100);
UPDATE local_account SET sign_in_name = username WHERE username NOT LIKE '%/%';
ALTER TABLE local_account DROP CONSTRAINT uq_local_account_username;
ALTER TABLE local_account ADD CONSTRAINT uq_local_account_scope_username UNIQUE (tenant_scope, username);
ALTER TABLE local_account ADD CONSTRAINT uq_local_account_sign_in_name UNIQUE (sign_in_name);
