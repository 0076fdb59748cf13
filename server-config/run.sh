#!/usr/bin/env bash
# Called by `mvn -Prun package` (ear/pom.xml): start Payara once, configure it, (re)deploy the EAR, wait, show URLs.
# Usage: server-config/run.sh path/to/faxgate.ear
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ear="$1"

[[ -x "$PAYARA_HOME/bin/asadmin" ]] || chmod +x "$PAYARA_HOME"/bin/* "$PAYARA_HOME"/glassfish/bin/* 2>/dev/null || true

base="http://localhost:$FAXGATE_HTTP_PORT"
if domain_running; then
  log "Payara already running; redeploying"
else
  log "starting Payara ($PAYARA_HOME, domain $FAXGATE_DOMAIN)"
  asadmin start-domain "$FAXGATE_DOMAIN" >/dev/null
  # A domain that already holds Faxgate loads it while starting; redeploying in the middle of that races the
  # loading application (class loader closed under EclipseLink). Let it finish (or give up on it) first.
  if asadmin list-applications 2>/dev/null | grep -q '^faxgate '; then
    wait_for_url "$base/login.xhtml" 90 || log "the previously deployed Faxgate did not come up; replacing it"
  fi
fi
"$SERVER_CONFIG_DIR/configure-domain.sh"
restart_marker="$PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN/config/faxgate-restart-needed"
if [[ -f "$restart_marker" ]]; then
  log "restarting Payara so that its new settings apply"
  asadmin restart-domain "$FAXGATE_DOMAIN" >/dev/null
  rm -f "$restart_marker"
  if asadmin list-applications 2>/dev/null | grep -q '^faxgate '; then
    wait_for_url "$base/login.xhtml" 90 || log "the previously deployed Faxgate did not come up; replacing it"
  fi
fi

log "deploying $ear"
asadmin deploy --force=true --name faxgate --contextroot / "$ear" >/dev/null

if ! wait_for_url "$base/health/ready" 120; then
  echo "Faxgate did not become ready; see $PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN/logs/server.log" >&2
  exit 1
fi

credentials="$PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN/config/faxgate-initial-operator.txt"
cat <<MSG

  Faxgate is running.
    Sign in:        $base/login.xhtml
    API:            $base/api/v1   (description: $base/openapi)
    Health:         $base/health
    Admin console:  http://localhost:$FAXGATE_ADMIN_PORT
    Stop:           server-config/stop.sh
MSG
if [[ -f "$credentials" ]]; then
  echo "    Platform operator (shown once; the password is stored only as a hash):"
  sed 's/^/      /' "$credentials"
  rm -f "$credentials"
elif [[ -n "${FAXGATE_BOOTSTRAP_OPERATOR_PASSWORD:-}" ]]; then
  echo "    Platform operator: ${FAXGATE_BOOTSTRAP_OPERATOR_USERNAME:-operator} with the password from FAXGATE_BOOTSTRAP_OPERATOR_PASSWORD"
else
  echo "    Platform operator: created on the first start (its password was shown then)."
fi
echo
