#!/usr/bin/env bash
# Applies Faxgate's Payara configuration to a running domain. Idempotent: safe to run on every start.
# Usage: server-config/configure-domain.sh   (FAXGATE_ADMIN_PORT, PAYARA_HOME as in lib.sh)
# Optional secrets from the environment, stored as Payara password aliases (never in domain.xml in clear text):
#   FAXGATE_CARRIER_WEBHOOK_SECRET           -> alias faxgate.carrier.webhook-secret (the carrier webhook's HMAC key)
#   FAXGATE_CARRIER_WEBHOOK_SECRET_PREVIOUS  -> alias faxgate.carrier.webhook-secret-previous (during a rotation;
#                                               set it to "-" to delete the alias when the rotation is over)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

log "configuring domain (admin port $FAXGATE_ADMIN_PORT)"

# Groups handed to the container by our authentication mechanism are role names (see access/entity/Roles).
asadmin set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true >/dev/null

# Settings that only take effect after a restart; run.sh restarts the domain when this file exists.
restart_marker="$PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN/config/faxgate-restart-needed"

# Don't advertise the server in every response. Only when not set yet: each change restarts the listener in the
# running server, and on a fresh domain those back-to-back restarts can leave port 8080 unbound — so changes are
# followed by a domain restart (run.sh) instead of being trusted to apply live.
for listener in http-listener-1 http-listener-2; do
  for header in xpowered-by server-header; do
    key="configs.config.server-config.network-config.protocols.protocol.$listener.http.$header"
    if ! asadmin get "$key" 2>/dev/null | grep -q "=false$"; then
      asadmin set "$key=false" >/dev/null || true
      touch "$restart_marker"
    fi
  done
done

# A temp directory of this domain's own: Payara stores uploaded deployments in java.io.tmpdir under the archive's
# name, so two domains on one machine sharing /tmp can delete each other's upload mid-deploy.
domain_tmp="$PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN/tmp"
mkdir -p "$domain_tmp"
if ! asadmin list-jvm-options | grep -q -- '-Djava.io.tmpdir='; then
  asadmin create-jvm-options "-Djava.io.tmpdir=$domain_tmp" >/dev/null
  touch "$restart_marker"
  log "java.io.tmpdir -> $domain_tmp (effective after the next restart)"
fi

# The application's datasource. Default: Payara's embedded H2 (H2Pool). use-postgresql.sh repoints it.
if ! asadmin list-jdbc-resources | grep -qx 'jdbc/faxgate'; then
  asadmin create-jdbc-resource --connectionpoolid H2Pool jdbc/faxgate >/dev/null
  log "jdbc/faxgate -> embedded H2 (H2Pool)"
fi
# The carrier webhook's shared secret(s). Payara's "password" config source (ordinal 105) shows every password
# alias to MicroProfile Config under its own name, so an alias named like the config key is the key's value.
# Without a secret the webhook refuses every delivery (503): secure by default.
if [[ -n "${FAXGATE_CARRIER_WEBHOOK_SECRET:-}" ]]; then
  if (( ${#FAXGATE_CARRIER_WEBHOOK_SECRET} < 32 )); then
    echo "FAXGATE_CARRIER_WEBHOOK_SECRET must be at least 32 characters (e.g. openssl rand -hex 32)" >&2
    exit 2
  fi
  set_password_alias faxgate.carrier.webhook-secret "$FAXGATE_CARRIER_WEBHOOK_SECRET"
  log "carrier webhook secret stored (password alias faxgate.carrier.webhook-secret)"
fi
if [[ "${FAXGATE_CARRIER_WEBHOOK_SECRET_PREVIOUS:-}" == "-" ]]; then
  if asadmin list-password-aliases | grep -qx 'faxgate.carrier.webhook-secret-previous'; then
    asadmin delete-password-alias faxgate.carrier.webhook-secret-previous >/dev/null
    log "previous carrier webhook secret removed"
  fi
elif [[ -n "${FAXGATE_CARRIER_WEBHOOK_SECRET_PREVIOUS:-}" ]]; then
  set_password_alias faxgate.carrier.webhook-secret-previous "$FAXGATE_CARRIER_WEBHOOK_SECRET_PREVIOUS"
  log "previous carrier webhook secret stored (accepted until removed)"
fi
# One master key for the whole domain (every node of a deployment group seals with it); migrates a key file.
"$SERVER_CONFIG_DIR/master-key.sh"
log "domain configured"
