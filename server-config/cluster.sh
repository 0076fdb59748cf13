#!/usr/bin/env bash
# Faxgate as a Payara deployment group of two instances on one machine, on PostgreSQL (`mvn -Pcluster package`).
# Usage:
#   server-config/cluster.sh up path/to/faxgate.ear   start (or update) everything; idempotent
#   server-config/cluster.sh stop-node a|b            stop one instance (the other keeps serving every session)
#   server-config/cluster.sh start-node a|b           start it again; it rejoins the data grid and serves
#   server-config/cluster.sh status                   instances and data-grid members
#   server-config/cluster.sh stop                     stop instances, DAS and PostgreSQL (server-config/stop.sh too)
# Settings (defaults in brackets):
#   FAXGATE_CLUSTER_PORTBASE [8200]  DAS port base: admin +48, data grid: DAS +49, instances from +59
#   FAXGATE_NODE_A_PORT [8081]  FAXGATE_NODE_B_PORT [8082]   the nodes' HTTP ports (node ports: base +100, +200)
#   FAXGATE_CLUSTER_DB [embedded]  embedded: PostgreSQL from Maven Central, data in .faxgate/cluster-db, port base +32;
#                                  external: use FAXGATE_DB_HOST/PORT/NAME/USER/PASSWORD as they are
#   FAXGATE_PUBLIC_BASE_URL [node A], FAXGATE_BOOTSTRAP_OPERATOR_*, FAXGATE_SIGN_IN_*, FAXGATE_TRUSTED_PROXIES ...:
#     the same environment as `-Prun`; the instances inherit it from the DAS, which this script starts.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export FAXGATE_CLUSTER_PORTBASE="${FAXGATE_CLUSTER_PORTBASE:-8200}"
export FAXGATE_DOMAIN="${FAXGATE_CLUSTER_DOMAIN:-faxgate-cluster}"
export FAXGATE_ADMIN_PORT=$((FAXGATE_CLUSTER_PORTBASE + 48))
export FAXGATE_PORTBASE="$FAXGATE_CLUSTER_PORTBASE"
source "$here/lib.sh"

group=faxgate
node_a_port="${FAXGATE_NODE_A_PORT:-8081}"
node_b_port="${FAXGATE_NODE_B_PORT:-8082}"
export FAXGATE_PUBLIC_BASE_URL="${FAXGATE_PUBLIC_BASE_URL:-http://localhost:$node_a_port}"
db_mode="${FAXGATE_CLUSTER_DB:-embedded}"
db_dir="$FAXGATE_RUN_DIR/cluster-db"
db_pid_file="$FAXGATE_RUN_DIR/cluster-db.pid"
domain_dir="$PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN"
config_node="localhost-$FAXGATE_DOMAIN"

instance_of() {
  case "$1" in
    a) echo faxgate-a ;;
    b) echo faxgate-b ;;
    *) echo "node must be a or b" >&2; exit 2 ;;
  esac
}
port_of() {
  [[ "$1" == a ]] && echo "$node_a_port" || echo "$node_b_port"
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_db() {
  [[ "$db_mode" == embedded ]] || return 0
  export FAXGATE_DB_HOST=localhost FAXGATE_DB_PORT="${FAXGATE_CLUSTER_DB_PORT:-$((FAXGATE_CLUSTER_PORTBASE + 32))}"
  # The embedded server trusts loopback; Payara's pool still wants a password credential.
  export FAXGATE_DB_NAME=postgres FAXGATE_DB_USER=postgres FAXGATE_DB_PASSWORD="${FAXGATE_DB_PASSWORD:-postgres}"
  if [[ -f "$db_pid_file" ]] && kill -0 "$(cat "$db_pid_file")" 2>/dev/null; then
    return 0
  fi
  local classpath_file="$FAXGATE_RUN_DIR/cluster-db.classpath"
  [[ -f "$classpath_file" ]] || { echo "missing $classpath_file: run mvn -Pcluster package" >&2; exit 2; }
  log "starting PostgreSQL on port $FAXGATE_DB_PORT (data in $db_dir)"
  mkdir -p "$db_dir"
  nohup "${AS_JAVA:-${JAVA_HOME:-/usr}}/bin/java" -cp "$(cat "$classpath_file")" "$here/ClusterDatabase.java" \
    "$db_dir" "$FAXGATE_DB_PORT" >"$FAXGATE_RUN_DIR/cluster-db.log" 2>&1 &
  echo $! >"$db_pid_file"
  local i
  for ((i = 0; i < 60; i++)); do
    grep -q "PostgreSQL ready" "$FAXGATE_RUN_DIR/cluster-db.log" 2>/dev/null && return 0
    kill -0 "$(cat "$db_pid_file")" 2>/dev/null || break
    sleep 1
  done
  echo "PostgreSQL did not start; see $FAXGATE_RUN_DIR/cluster-db.log" >&2
  exit 1
}

stop_db() {
  [[ -f "$db_pid_file" ]] || return 0
  local pid
  pid="$(cat "$db_pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" # its shutdown hook stops PostgreSQL cleanly
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    log "PostgreSQL stopped"
  fi
  rm -f "$db_pid_file"
}

start_das() {
  chmod +x "$PAYARA_HOME"/bin/* "$PAYARA_HOME"/glassfish/bin/* 2>/dev/null || true
  if [[ ! -d "$domain_dir" ]]; then
    # --checkports=false: a port base inside the ephemeral range (as some test machines use) may see a port
    # briefly held by an outgoing connection; a port really taken still fails when the server binds it.
    "$PAYARA_HOME/bin/asadmin" --interactive=false create-domain --nopassword=true --checkports=false \
      --portbase "$FAXGATE_CLUSTER_PORTBASE" "$FAXGATE_DOMAIN" >/dev/null
    log "created domain $FAXGATE_DOMAIN (port base $FAXGATE_CLUSTER_PORTBASE, admin port $FAXGATE_ADMIN_PORT)"
    # A new domain needs no restart for its settings: the driver is in the domain's common library directory (where
    # add-library puts it) before the first start, and nothing runs on the data grid yet, so its name can change
    # in place (data-grid.sh). Saves a DAS restart (~25 s) on every fresh start, e.g. each ClusterIT run.
    local driver="${FAXGATE_JDBC_DRIVER:-$FAXGATE_RUN_DIR/drivers/postgresql.jar}"
    if [[ -f "$driver" ]]; then
      cp "$driver" "$domain_dir/lib/$(basename "$driver")"
    fi
    export FAXGATE_GRID_DYNAMIC=true FAXGATE_NEW_DOMAIN=true
  fi
  if new_domain || ! domain_running; then
    log "starting the DAS of $FAXGATE_DOMAIN"
    asadmin start-domain "$FAXGATE_DOMAIN" >/dev/null
  fi
}

# The instances' shared configuration: what configure-domain.sh sets on the DAS's server-config, on faxgate-config.
configure_group() {
  local config=faxgate-config key
  if new_domain || ! asadmin list-configs | grep -qx "$config"; then
    change copy-config default-config "$config"
    log "created configuration $config for the deployment group"
  fi
  change set "configs.config.$config.security-service.activate-default-principal-to-role-mapping=true"
  # Faxgate uses no JMS; an instance's broker is not started, and transaction recovery would retry it forever.
  change set "configs.config.$config.jms-service.type=DISABLED"
  for listener in http-listener-1 http-listener-2; do
    for header in xpowered-by server-header; do
      key="configs.config.$config.network-config.protocols.protocol.$listener.http.$header"
      if new_domain || ! asadmin get "$key" 2>/dev/null | grep -q "=false$"; then
        change set "$key=false"
      fi
    done
  done
  if new_domain || ! asadmin list-deployment-groups | grep -Eq "^\s*$group\s*$"; then
    change create-deployment-group "$group"
    log "created deployment group $group"
  fi
  local node port base instances=""
  new_domain || instances="$(asadmin list-instances)"
  for node in a b; do
    if ! grep -q "^$(instance_of $node) " <<<"$instances"; then
      port="$(port_of $node)"
      if [[ $node == a ]]; then base=$((FAXGATE_CLUSTER_PORTBASE + 100)); else base=$((FAXGATE_CLUSTER_PORTBASE + 200)); fi
      change create-instance --node "$config_node" --deploymentgroup "$group" --config "$config" --checkports=false \
        --portbase "$base" --systemproperties "HTTP_LISTENER_PORT=$port" "$(instance_of $node)"
      log "created instance $(instance_of $node) (node $node, http://localhost:$port, port base $base)"
    fi
  done
  if new_domain || ! asadmin list-resource-refs "$group" 2>/dev/null | grep -qx 'jdbc/faxgate'; then
    change create-resource-ref --target "$group" jdbc/faxgate
  fi
}

# start_instance NAME: asadmin start-instance; again (4 attempts, 10 s apart) when one of its ports was taken. A port
# base inside the ephemeral range (32768-60999 on Linux; some test machines) meets ports that outgoing connections hold
# for a moment, or for a minute in TIME_WAIT: seen on a machine that was running an HTTP benchmark at the same time.
start_instance() {
  local name="$1" attempt output
  for attempt in 1 2 3 4; do
    if output="$(asadmin start-instance --timeout 600 "$name" 2>&1)"; then
      return 0
    fi
    if [[ "$output" != *" is in use"* ]] || (( attempt == 4 )); then
      echo "$output" >&2
      return 1
    fi
    log "instance $name: $(grep -o 'Port [0-9]* is in use' <<<"$output" | head -1); trying again in 10 s" >&2
    sleep 10
  done
}

# Starts the instances that are not running, in parallel (asadmin start-instance waits for its instance only).
start_instances() {
  local node pids=() failed=0 running=""
  new_domain || running="$(asadmin list-instances)"
  for node in a b; do
    if ! grep -q "^$(instance_of $node) *running" <<<"$running"; then
      log "starting instance $(instance_of $node)"
      start_instance "$(instance_of $node)" >/dev/null &
      pids+=($!)
    fi
  done
  for pid in "${pids[@]}"; do
    wait "$pid" || failed=1
  done
  return "$failed"
}

wait_ready() {
  local port="$1"
  wait_for_url "http://localhost:$port/health/ready" "${2:-${FAXGATE_READY_TIMEOUT:-600}}"
}

up() {
  local ear="$1"
  [[ -f "$ear" ]] || { echo "no EAR at $ear" >&2; exit 2; }
  start_db
  start_das
  # A new domain: every setting, the group, its instances and the deployment in one asadmin JVM (lib.sh, batches).
  new_domain && batch_begin
  "$here/configure-domain.sh"
  "$here/data-grid.sh"
  if new_domain || [[ "$(asadmin get resources.jdbc-resource.jdbc/faxgate.pool-name 2>/dev/null)" != *FaxgatePostgresPool* ]]; then
    "$here/use-postgresql.sh"
  fi
  if [[ -f "$domain_dir/config/faxgate-restart-needed" && "${FAXGATE_GRID_DYNAMIC:-false}" == true ]]; then
    # A new domain: driver and grid name are in place already (start_das, data-grid.sh); what is left are the DAS's
    # own process settings (its heap, tmp dir), and the DAS serves no application. They apply at its next restart.
    log "the DAS's own JVM settings apply at its next restart (it serves no application)"
  elif [[ -f "$domain_dir/config/faxgate-restart-needed" ]]; then
    # New data-grid name or JDBC driver: the DAS must rejoin under the new name before instances start.
    log "restarting the DAS so that its new settings apply"
    asadmin restart-domain "$FAXGATE_DOMAIN" >/dev/null
    rm -f "$domain_dir/config/faxgate-restart-needed"
  fi
  configure_group
  local node running=""
  new_domain || running="$(asadmin list-instances)"
  if ! grep -q "^faxgate-a *running" <<<"$running" && ! grep -q "^faxgate-b *running" <<<"$running"; then
    # Neither instance runs: register the application first, then start both at once; each loads it while
    # starting (one start instead of start + deploy, both in parallel).
    log "deploying $ear to deployment group $group (sessions replicated: availability enabled)"
    change deploy --force=true --target "$group" --availabilityenabled=true --name faxgate --contextroot / "$ear"
    if new_domain; then
      batch_run
      log "configured and deployed in one asadmin run"
    fi
    start_instances
  else
    start_instances
    log "deploying $ear to deployment group $group (sessions replicated: availability enabled)"
    asadmin deploy --force=true --target "$group" --availabilityenabled=true --name faxgate --contextroot / "$ear" >/dev/null
  fi
  for node in a b; do
    if ! wait_ready "$(port_of $node)"; then
      echo "node $node did not become ready; see $PAYARA_HOME/glassfish/nodes/$config_node/$(instance_of $node)/logs/server.log" >&2
      exit 1
    fi
  done
  show
}

show() {
  cat <<MSG

  Faxgate cluster is running (deployment group $group, domain $FAXGATE_DOMAIN).
    Node A:         http://localhost:$node_a_port/login.xhtml
    Node B:         http://localhost:$node_b_port/login.xhtml
    Public URL:     $FAXGATE_PUBLIC_BASE_URL
    Admin console:  http://localhost:$FAXGATE_ADMIN_PORT
    Node loss:      server-config/cluster.sh stop-node a   (start-node a brings it back)
    Stop:           server-config/stop.sh
MSG
  local file shown=false
  for file in "$PAYARA_HOME"/glassfish/nodes/"$config_node"/faxgate-*/config/faxgate-initial-operator.txt; do
    [[ -f "$file" ]] || continue
    echo "    Platform operator (shown once; the password is stored only as a hash):"
    sed 's/^/      /' "$file"
    rm -f "$file"
    shown=true
  done
  if [[ "$shown" == false && -n "${FAXGATE_BOOTSTRAP_OPERATOR_PASSWORD:-}" ]]; then
    echo "    Platform operator: ${FAXGATE_BOOTSTRAP_OPERATOR_USERNAME:-operator} with the password from FAXGATE_BOOTSTRAP_OPERATOR_PASSWORD"
  elif [[ "$shown" == false ]]; then
    echo "    Platform operator: created on the first start (its password was shown then)."
  fi
  echo
}

stop_all() {
  if [[ -d "$domain_dir" ]] && domain_running; then
    asadmin stop-deployment-group "$group" >/dev/null 2>&1 || true
    asadmin stop-domain "$FAXGATE_DOMAIN" >/dev/null
    log "cluster stopped (domain $FAXGATE_DOMAIN)"
  fi
  stop_db
}

case "${1:-}" in
  up) up "${2:?usage: cluster.sh up path/to/faxgate.ear}" ;;
  stop-node)
    asadmin stop-instance "$(instance_of "${2:-}")" >/dev/null
    log "node ${2} stopped" ;;
  start-node)
    start_instance "$(instance_of "${2:-}")" >/dev/null
    if wait_ready "$(port_of "$2")"; then log "node $2 is serving again"; else echo "node $2 did not become ready" >&2; exit 1; fi ;;
  status)
    asadmin list-instances --long
    asadmin list-hazelcast-cluster-members ;;
  stop) stop_all ;;
  *) sed -n '2,8p' "$0"; exit 2 ;;
esac
