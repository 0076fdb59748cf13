#!/usr/bin/env bash
# Gives this domain's Hazelcast data grid a name and ports of its own, derived from the domain's port base, so that
# two domains on one machine (a -Pcluster cluster, test runs of several worktrees) never join one grid: members
# only join a grid of the same cluster name. Run against the running DAS; applies at the next (re)start (at once with
# FAXGATE_GRID_DYNAMIC=true, for a domain that runs nothing on the grid yet).
#   FAXGATE_PORTBASE  the domain's port base (create-domain --portbase); DAS member on +49 (instances were seen to
#                     keep Payara's default 5900+, next free port: the distinct name is what keeps grids apart)
#   FAXGATE_GRID_MODE domain (default: the DAS tells members about each other; one host or several) | multicast |
#                     tcpip (then FAXGATE_GRID_MEMBERS=host1:port,host2:port) | dns (FAXGATE_GRID_MEMBERS=name:port)
#   FAXGATE_GRID_JOIN_WAIT_SECONDS  (tests) how long the grid's master gathers joining members before it admits them,
#                     and a joining member looks for the grid: Hazelcast's 5 s by default; ClusterIT uses 1. Not 0:
#                     a member that looks for no time at all finds nobody and starts a grid of its own.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
: "${FAXGATE_PORTBASE:?set FAXGATE_PORTBASE}"

if [[ -n "${FAXGATE_GRID_JOIN_WAIT_SECONDS:-}" ]]; then
  # A system property: Hazelcast reads its properties from there too, and the DAS sets it at once (its grid member
  # reads it when it restarts under the new name below; instances when they start).
  change create-system-properties --target domain "hazelcast.wait.seconds.before.join=$FAXGATE_GRID_JOIN_WAIT_SECONDS"
fi

mode="${FAXGATE_GRID_MODE:-domain}"
args=(--clustername "faxgate-$FAXGATE_PORTBASE" --dasport $((FAXGATE_PORTBASE + 49))
      --startport $((FAXGATE_PORTBASE + 59)) --clustermode "$mode")
case "$mode" in
  tcpip) args+=(--tcpipmembers "${FAXGATE_GRID_MEMBERS:?set FAXGATE_GRID_MEMBERS=host:port,...}") ;;
  dns) args+=(--dnsmembers "${FAXGATE_GRID_MEMBERS:?set FAXGATE_GRID_MEMBERS=name:port}") ;;
esac
if ! new_domain; then # a new domain still has Payara's grid name
  current="$(asadmin get-hazelcast-configuration 2>/dev/null || true)"
  if grep -q "^Cluster Name  *faxgate-$FAXGATE_PORTBASE " <<<"$current" \
      && grep -q "^Cluster Mode  *$mode " <<<"$current"; then
    exit 0
  fi
fi
if [[ "${FAXGATE_GRID_DYNAMIC:-false}" == true ]]; then
  # A domain with nothing deployed and no instance running (cluster.sh on a new domain): the DAS's grid member
  # restarts under the new name in place, no domain restart needed.
  change set-hazelcast-configuration --dynamic=true "${args[@]}"
else
  change set-hazelcast-configuration --dynamic=false "${args[@]}"
  touch "$PAYARA_HOME/glassfish/domains/$FAXGATE_DOMAIN/config/faxgate-restart-needed" # members rejoin under the new name
fi
log "data grid: cluster faxgate-$FAXGATE_PORTBASE, mode $mode, DAS member port $((FAXGATE_PORTBASE + 49))"
