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
change set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true

# Settings that only take effect after a restart; run.sh restarts the domain when this file exists.
restart_marker="$PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN/config/faxgate-restart-needed"

# Don't advertise the server in every response. Only when not set yet: each change restarts the listener in the
# running server, and on a fresh domain those back-to-back restarts can leave port 8080 unbound — so changes are
# followed by a domain restart (run.sh) instead of being trusted to apply live.
for listener in http-listener-1 http-listener-2; do
  for header in xpowered-by server-header; do
    key="configs.config.server-config.network-config.protocols.protocol.$listener.http.$header"
    if new_domain || ! asadmin get "$key" 2>/dev/null | grep -q "=false$"; then
      change set "$key=false" || true
      touch "$restart_marker"
    fi
  done
done

# A temp directory of this domain's own: Payara stores uploaded deployments in java.io.tmpdir under the archive's
# name, so two domains on one machine sharing /tmp can delete each other's upload mid-deploy.
domain_tmp="$PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN/tmp"
mkdir -p "$domain_tmp"
if new_domain || ! asadmin list-jvm-options | grep -q -- '-Djava.io.tmpdir='; then
  change create-jvm-options "-Djava.io.tmpdir=$domain_tmp"
  touch "$restart_marker"
  log "java.io.tmpdir -> $domain_tmp (effective after the next restart)"
fi

# The application's datasource. Default: Payara's embedded H2 (H2Pool). use-postgresql.sh repoints it.
if new_domain || ! asadmin list-jdbc-resources | grep -qx 'jdbc/faxgate'; then
  change create-jdbc-resource --connectionpoolid H2Pool jdbc/faxgate
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

# ---- Operations baseline (issue 13; owner: ops). Settings from the environment:
#   FAXGATE_HEAP            maximum heap, e.g. 2g (default: Payara's 512m)
#   FAXGATE_LOG_FILE_BYTES  server.log rotates at this size (default 52428800 = 50 MB)
#   FAXGATE_LOG_FILES       rotated server logs kept (default 20; Payara's default 0 keeps them all, filling the disk)
#   FAXGATE_METRICS_PASSWORD  the HTTP Basic password of user "metrics" for Faxgate's /metrics (password alias
#                             faxgate.metrics.password); without it /metrics refuses every scrape. Payara's own
#                             endpoint moves to /payara-metrics (its security redirects plain HTTP to HTTPS, which
#                             breaks scrapes behind a TLS-terminating proxy); with the password it is protected too.
configure_operations_baseline() {
  local logs="$PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN/logs"
  # Out of memory: stop the JVM (the node is replaced/restarted) after writing a heap dump, instead of limping on.
  local option
  for option in -XX:+ExitOnOutOfMemoryError -XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=$logs"; do
    if new_domain || ! asadmin list-jvm-options | grep -qxF -- "$option"; then
      # asadmin splits options at ':' — escape them ("-XX\:+…")
      change create-jvm-options -- "${option//:/\\:}"
      touch "$restart_marker"
    fi
  done
  local options current
  if [[ -n "${FAXGATE_HEAP:-}" ]] && options="$(asadmin list-jvm-options)" && ! grep -qx -- "-Xmx$FAXGATE_HEAP" <<<"$options"; then
    current="$(grep -- '^-Xmx' <<<"$options" || true)"
    [[ -n "$current" ]] && change delete-jvm-options -- "$current"
    change create-jvm-options -- "-Xmx$FAXGATE_HEAP"
    touch "$restart_marker"
  fi
  # server.log: rotate by size, compress, keep a bounded history.
  change set-log-attributes "com.sun.enterprise.server.logging.GFFileHandler.rotationLimitInBytes=${FAXGATE_LOG_FILE_BYTES:-52428800}:com.sun.enterprise.server.logging.GFFileHandler.maxHistoryFiles=${FAXGATE_LOG_FILES:-20}:com.sun.enterprise.server.logging.GFFileHandler.compressOnRotation=true"
  # /metrics is Faxgate's (io.faxgate.platform.boundary.MetricsEndpoint); Payara's endpoint must not shadow it.
  if new_domain || ! asadmin get-metrics-configuration | grep -q payara-metrics; then
    change set-metrics-configuration --endpoint=payara-metrics
    touch "$restart_marker"
  fi
  if [[ -n "${FAXGATE_METRICS_PASSWORD:-}" ]]; then
    local secret_file rc=0
    secret_file="$(mktemp)"
    chmod 600 "$secret_file"
    printf 'AS_ADMIN_USERPASSWORD=%s\n' "$FAXGATE_METRICS_PASSWORD" >"$secret_file"
    if ! new_domain && asadmin list-file-users | grep -qx metrics; then
      asadmin --passwordfile "$secret_file" update-file-user --groups microprofile metrics >/dev/null || rc=$?
    else
      asadmin --passwordfile "$secret_file" create-file-user --groups microprofile metrics >/dev/null || rc=$?
    fi
    rm -f "$secret_file"
    (( rc == 0 )) || return $rc
    set_password_alias faxgate.metrics.password "$FAXGATE_METRICS_PASSWORD"
    change set-metrics-configuration --securityenabled=true --roles=microprofile
    # Payara creates a default user "mp" (password "mp") whenever security is on and it finds no "mp" (at every
    # set-metrics-configuration from now on): never keep that one. A new domain has none before this command, so the
    # command creates it; in a batch this must come after every other set-metrics-configuration, as it does here.
    if new_domain || asadmin list-file-users | grep -qx mp; then
      change delete-file-user mp
    fi
    log "/metrics (and Payara's /payara-metrics) need HTTP Basic (user metrics)"
  else
    log "FAXGATE_METRICS_PASSWORD not set: /metrics refuses scrapes; /payara-metrics is open: block it at the proxy"
  fi
}
configure_operations_baseline
# ---- end of operations baseline
# One master key for the whole domain (every node of a deployment group seals with it); migrates a key file.
"$SERVER_CONFIG_DIR/master-key.sh"
log "domain configured"
