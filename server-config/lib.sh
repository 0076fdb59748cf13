#!/usr/bin/env bash
# Shared helpers for the server-config scripts. Source it; do not run it.
set -euo pipefail

SERVER_CONFIG_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SERVER_CONFIG_DIR/.." && pwd)"
FAXGATE_RUN_DIR="${FAXGATE_RUN_DIR:-$REPO_DIR/.faxgate}"
PAYARA_HOME="${PAYARA_HOME:-$FAXGATE_RUN_DIR/payara6}"
FAXGATE_DOMAIN="${FAXGATE_DOMAIN:-domain1}"
FAXGATE_ADMIN_PORT="${FAXGATE_ADMIN_PORT:-4848}"
FAXGATE_HTTP_PORT="${FAXGATE_HTTP_PORT:-8080}"

# Payara 6 must run on JDK 17 (on 25 JPA breaks); prefer a 17 when JAVA_HOME points elsewhere.
if [[ -z "${AS_JAVA:-}" ]]; then
  if [[ -n "${JAVA_HOME:-}" && "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)" == *'"17'* ]]; then
    export AS_JAVA="$JAVA_HOME"
  elif [[ -d /usr/lib/jvm/java-17-openjdk-amd64 ]]; then
    export AS_JAVA=/usr/lib/jvm/java-17-openjdk-amd64
  fi
fi

asadmin() {
  "$PAYARA_HOME/bin/asadmin" --port "$FAXGATE_ADMIN_PORT" --interactive=false "$@"
}

log() {
  echo "[faxgate] $*"
}

# ---- Batches. Every asadmin call starts a JVM: about a second on an idle machine, several on a loaded one, and a new
# domain's configuration is some forty calls. Between batch_begin and batch_run, `change` queues its command; batch_run
# runs them all in ONE asadmin JVM (asadmin multimode), in order. Outside a batch, `change` runs its command at once.
# Scripts called in between (configure-domain.sh, data-grid.sh, use-postgresql.sh) queue into the same batch.
batch_begin() {
  FAXGATE_BATCH="$(mktemp)"
  export FAXGATE_BATCH
}

change() {
  if [[ -z "${FAXGATE_BATCH:-}" ]]; then
    asadmin "$@" >/dev/null
    return
  fi
  local arg line=""
  for arg in "$@"; do # multimode reads each line like a shell: quote every argument, escape \ and "
    arg="${arg//\\/\\\\}"
    line+="\"${arg//\"/\\\"}\" "
  done
  printf '%s\n' "$line" >>"$FAXGATE_BATCH"
}

# multimode answers with the status of its last command only: any error output means a command failed.
batch_run() {
  local file="${FAXGATE_BATCH:?batch_run without batch_begin}" errors rc=0
  unset FAXGATE_BATCH
  errors="$(mktemp)"
  if [[ -s "$file" ]]; then
    asadmin multimode --file "$file" >/dev/null 2>"$errors" || rc=$?
  fi
  if (( rc != 0 )) || [[ -s "$errors" ]]; then
    echo "asadmin failed in a batch of $(wc -l <"$file") commands:" >&2
    cat "$errors" >&2
    rc=1
  fi
  rm -f "$file" "$errors"
  return $rc
}

# A domain this run has just created (cluster.sh on a new domain, prepare-test-domain.sh): its settings are Payara's
# defaults plus what the batch already holds, so nothing needs asking before changing it.
new_domain() {
  [[ "${FAXGATE_NEW_DOMAIN:-false}" == true ]]
}

domain_running() {
  asadmin uptime >/dev/null 2>&1
}

# wait_for_url URL SECONDS: poll until the URL answers 200.
wait_for_url() {
  local url="$1" seconds="$2" i
  for ((i = 0; i < seconds; i++)); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null || java_get "$url"; then
      return 0
    fi
    sleep 1
  done
  return 1
}

# A fresh machine has JDK + Maven, not necessarily curl: fall back to Java's own HTTP client.
java_get() {
  command -v curl >/dev/null 2>&1 && return 1
  "${AS_JAVA:-${JAVA_HOME:-/usr}}/bin/java" "$SERVER_CONFIG_DIR/HttpGet.java" "$1" >/dev/null 2>&1
}

# set_password_alias NAME VALUE: creates or replaces a Payara password alias without the value ever appearing on a
# command line (ps) or in domain.xml; it goes through an owner-only temporary password file.
set_password_alias() {
  local name="$1" value="$2" secret_file rc=0
  secret_file="$(mktemp)"
  chmod 600 "$secret_file"
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$value" >"$secret_file"
  if ! new_domain && asadmin list-password-aliases | grep -qx -- "$name"; then
    asadmin --passwordfile "$secret_file" update-password-alias "$name" >/dev/null || rc=$?
  else
    asadmin --passwordfile "$secret_file" create-password-alias "$name" >/dev/null || rc=$?
  fi
  rm -f "$secret_file"
  return $rc
}
