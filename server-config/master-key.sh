#!/usr/bin/env bash
# Makes sure the domain has ONE master key for every node: the Payara password alias faxgate.secrets.master-key
# (domain-wide, synchronised to every instance; MicroProfile Config reads an alias under its own name).
# Idempotent. Where the key comes from, first match wins:
#   1. the alias already exists                      -> kept as it is
#   2. FAXGATE_SECRETS_MASTER_KEY (base64, 32 bytes) -> stored as the alias (e.g. from your secret store)
#   3. <domain>/config/faxgate-master.key exists     -> migrated: that key file (a single-node install) becomes the
#                                                       alias's value, so everything sealed with it still opens
#   4. otherwise                                     -> a fresh random key
# Back the key up (asadmin cannot show an alias's value): without it, sealed SP private keys cannot be read.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

alias_name=faxgate.secrets.master-key
key_file="$PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN/config/faxgate-master.key"

if ! new_domain && asadmin list-password-aliases | grep -qx -- "$alias_name"; then
  exit 0
fi
if [[ -n "${FAXGATE_SECRETS_MASTER_KEY:-}" ]]; then
  key="$FAXGATE_SECRETS_MASTER_KEY"
  source_of_key="FAXGATE_SECRETS_MASTER_KEY"
elif [[ -f "$key_file" ]]; then
  key="$(tr -d '[:space:]' <"$key_file")"
  source_of_key="the existing key file $key_file (kept as a backup)"
else
  key="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  source_of_key="a new random key (back it up: see docs/operations.md)"
fi
if [[ "$(printf '%s' "$key" | base64 -d 2>/dev/null | wc -c)" -ne 32 ]]; then
  echo "the master key from $source_of_key is not base64 of 32 bytes" >&2
  exit 2
fi
set_password_alias "$alias_name" "$key"
log "master key: password alias $alias_name from $source_of_key"
