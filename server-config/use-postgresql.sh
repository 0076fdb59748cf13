#!/usr/bin/env bash
# Points Faxgate's datasource (jdbc/faxgate) at PostgreSQL. Run against a running domain, then redeploy or restart.
# Settings from the environment:
#   FAXGATE_DB_HOST (localhost)  FAXGATE_DB_PORT (5432)  FAXGATE_DB_NAME (faxgate)  FAXGATE_DB_USER (faxgate)
#   FAXGATE_DB_PASSWORD (optional; stored as a Payara password alias, never in domain.xml in clear text)
#   FAXGATE_JDBC_DRIVER (path to postgresql.jar; default $FAXGATE_RUN_DIR/drivers/postgresql.jar)
#   FAXGATE_DB_POOL_MIN (2)  FAXGATE_DB_POOL_MAX (32)  FAXGATE_DB_STATEMENT_TIMEOUT_SECONDS (30; -1 = none)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

host="${FAXGATE_DB_HOST:-localhost}"
port="${FAXGATE_DB_PORT:-5432}"
name="${FAXGATE_DB_NAME:-faxgate}"
user="${FAXGATE_DB_USER:-faxgate}"
driver="${FAXGATE_JDBC_DRIVER:-$FAXGATE_RUN_DIR/drivers/postgresql.jar}"
pool=FaxgatePostgresPool

# add-library puts the driver into the domain's lib directory (cluster.sh copies it there before a new DAS starts).
domain_lib="$PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN/lib"
if ! ls "$domain_lib"/postgresql*.jar >/dev/null 2>&1 && ! asadmin list-libraries --type common | grep -q '^postgresql'; then
  [[ -f "$driver" ]] || { echo "PostgreSQL JDBC driver not found at $driver (run mvn -Prun package once, or set FAXGATE_JDBC_DRIVER)" >&2; exit 2; }
  change add-library --type common "$driver"
  log "PostgreSQL driver added (a domain restart makes it visible)"
fi

# connectTimeout/socketTimeout (seconds): during a database outage a request fails fast instead of hanging.
properties="serverName=$host:portNumber=$port:databaseName=$name:user=$user:connectTimeout=5:socketTimeout=${FAXGATE_DB_SOCKET_TIMEOUT_SECONDS:-60}"
if [[ -n "${FAXGATE_DB_PASSWORD:-}" ]]; then
  secret_file="$(mktemp)"
  trap 'rm -f "$secret_file"' EXIT
  chmod 600 "$secret_file"
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$FAXGATE_DB_PASSWORD" >"$secret_file"
  if ! new_domain && asadmin list-password-aliases | grep -qx faxgate-db-password; then
    asadmin delete-password-alias faxgate-db-password >/dev/null
  fi
  asadmin --passwordfile "$secret_file" create-password-alias faxgate-db-password >/dev/null
  properties="$properties:password=\${ALIAS=faxgate-db-password}"
fi

if ! new_domain && asadmin list-jdbc-connection-pools | grep -qx "$pool"; then
  change delete-jdbc-connection-pool --cascade=true "$pool"
fi
# Validation that reaches the server ("select 1" per checkout; "auto-commit" never leaves the driver on PostgreSQL),
# and after one dead connection the whole pool is replaced (fail-all): a database restart kills them all.
change create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
  --restype javax.sql.DataSource --isconnectvalidatereq=true --validationmethod=custom-validation \
  --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation --failconnection=true \
  --statementtimeout "${FAXGATE_DB_STATEMENT_TIMEOUT_SECONDS:-30}" \
  --steadypoolsize "${FAXGATE_DB_POOL_MIN:-2}" --maxpoolsize "${FAXGATE_DB_POOL_MAX:-32}" --property "$properties" "$pool"
# (a new domain: configure-domain.sh, earlier in the same batch, created it on H2)
if new_domain || asadmin list-jdbc-resources | grep -qx 'jdbc/faxgate'; then
  change delete-jdbc-resource jdbc/faxgate
fi
change create-jdbc-resource --connectionpoolid "$pool" jdbc/faxgate
log "jdbc/faxgate -> PostgreSQL $user@$host:$port/$name"
