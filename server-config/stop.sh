#!/usr/bin/env bash
# Stops the Payara domain started by `mvn -Prun package`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if domain_running; then
  asadmin stop-domain "$FAXGATE_DOMAIN"
else
  log "not running"
fi
# A cluster started by `mvn -Pcluster package` (its own domain): instances, DAS, PostgreSQL.
if [[ -d "$PAYARA_HOME/glassfish/domains/${FAXGATE_CLUSTER_DOMAIN:-faxgate-cluster}" || -f "$FAXGATE_RUN_DIR/cluster-db.pid" ]]; then
  "$SERVER_CONFIG_DIR/cluster.sh" stop
fi
