#!/usr/bin/env bash
# Builds the integration-test domain from scratch (called by src/faxgate-it during `mvn verify`): its own name and
# port base, so it never touches a `-Prun` server; Faxgate's configuration; jdbc/faxgate on PostgreSQL.
# The domain is left stopped: Arquillian's managed container starts and stops it around the tests.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
: "${FAXGATE_PORTBASE:?set FAXGATE_PORTBASE}"

chmod +x "$PAYARA_HOME"/bin/* "$PAYARA_HOME"/glassfish/bin/* 2>/dev/null || true
if domain_running; then
  log "a test domain is still running on admin port $FAXGATE_ADMIN_PORT; stopping it"
  asadmin stop-domain "$FAXGATE_DOMAIN" >/dev/null || true
fi
if [[ -d "$PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN" ]]; then
  "$PAYARA_HOME/bin/asadmin" --interactive=false delete-domain "$FAXGATE_DOMAIN" >/dev/null
fi
# --checkports=false: a port base inside the ephemeral range (some worktrees use one) may see a port briefly held by
# an outgoing connection; a port really taken still fails when the server binds it.
"$PAYARA_HOME/bin/asadmin" --interactive=false create-domain --nopassword=true --checkports=false --portbase "$FAXGATE_PORTBASE" "$FAXGATE_DOMAIN" >/dev/null
log "created domain $FAXGATE_DOMAIN (port base $FAXGATE_PORTBASE)"
# The JDBC driver where add-library would put it, before the first start (use-postgresql.sh then finds it there).
driver="${FAXGATE_JDBC_DRIVER:-$FAXGATE_RUN_DIR/drivers/postgresql.jar}"
[[ -f "$driver" ]] && cp "$driver" "$PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN/lib/"
asadmin start-domain "$FAXGATE_DOMAIN" >/dev/null
# Everything below in one asadmin JVM (lib.sh, batches): the new domain's defaults are known, nothing is asked first.
export FAXGATE_NEW_DOMAIN=true
batch_begin
# A known carrier webhook secret (src/faxgate-it/pom.xml: it.carrier.webhook-secret), so CarrierWebhookIT can sign
# deliveries; stored through the same password-alias path as in production, not passed to the server's environment.
# /metrics protected as in production, with a known password (OperationsIT uses the same default).
# 1 GB heap: the suite redeploys the EAR for each of its ~30 test classes, and Payara's default 512m ran out during
# a full run (OutOfMemoryError with the production baseline's exit-on-OOM, then every later deploy failed).
FAXGATE_CARRIER_WEBHOOK_SECRET="${FAXGATE_CARRIER_WEBHOOK_SECRET:-it-carrier-webhook-secret-0123456789abcdef}" \
  FAXGATE_HEAP="${FAXGATE_HEAP:-1g}" \
  FAXGATE_METRICS_PASSWORD="${FAXGATE_METRICS_PASSWORD:-it-metrics-password-0123456789}" \
  "$SERVER_CONFIG_DIR/configure-domain.sh"
"$SERVER_CONFIG_DIR/use-postgresql.sh"
"$SERVER_CONFIG_DIR/data-grid.sh" # a grid of its own: parallel test runs never join each other
# Test clients send their bodies at once over loopback; a body that stops short (SsoHardeningIT's truncated-body
# attack) should not keep the suite waiting Payara's default 30 s per read: the ACS answers once a read has timed out.
# 5 s stays far above any pause of a client on a loaded machine. Production keeps the default.
change set configs.config.server-config.network-config.transports.transport.tcp.read-timeout-millis=5000
batch_run
asadmin stop-domain "$FAXGATE_DOMAIN" >/dev/null
rm -f "$PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN/config/faxgate-restart-needed" # stopped: the next start applies it
log "test domain ready"
