#!/usr/bin/env bash
# Stops the Payara domain started by `mvn -Prun package`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if domain_running; then
  asadmin stop-domain "$FAXGATE_DOMAIN"
else
  log "not running"
fi
