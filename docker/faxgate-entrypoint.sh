#!/bin/bash
# Reads secrets from files (docker/Kubernetes secrets) or the environment, then hands over to Payara's entrypoint.
# For each of these, VAR_FILE (a path) wins over VAR: the value never sits in the image or in `docker inspect`.
set -euo pipefail
for var in FAXGATE_DB_PASSWORD FAXGATE_SECRETS_MASTER_KEY FAXGATE_BOOTSTRAP_OPERATOR_PASSWORD FAXGATE_METRICS_PASSWORD \
           FAXGATE_CARRIER_WEBHOOK_SECRET; do
  file_var="${var}_FILE"
  if [[ -n "${!file_var:-}" ]]; then
    export "$var"="$(tr -d '\r\n' <"${!file_var}")"
  fi
done
# Every node must seal with the same key (see docs/operations.md): never let a container invent its own.
if [[ -z "${FAXGATE_SECRETS_MASTER_KEY:-}" ]]; then
  echo "FAXGATE_SECRETS_MASTER_KEY(_FILE) is required: the one master key of the whole deployment" >&2
  exit 2
fi
: "${FAXGATE_DB_PASSWORD:?FAXGATE_DB_PASSWORD(_FILE) is required}"
# Payara's post-boot commands read ${ENV=...} at run time; MicroProfile Config reads FAXGATE_* directly.
export POSTBOOT_COMMANDS=/opt/faxgate/post-boot.asadmin
exec "${SCRIPT_DIR:-/opt/payara/scripts}/entrypoint.sh" "$@"
