#!/usr/bin/env bash
# Sourced by run.sh and test.sh: installs the pinned Azurite (npm ci) and starts it in memory on loopback, on free
# ports, with telemetry off. Sets AZURITE_PID and AZURITE_CONNECTION_STRING; stop it with stop_azurite.
# AZURITE_OWN_SESSION=1 starts it in its own session, out of reach of the terminal's Ctrl-C, for a caller that stops it
# itself after what uses it (run.sh).
# Being sourced, it changes none of the caller's shell options (no `set -e` here): each step checks its own result
# and returns non-zero, which a caller under `set -e` turns into an exit. If the caller has no EXIT trap of its own,
# start_azurite sets one that stops Azurite, so that a caller that fails later does not leave it running.

ensure_node_tools() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "Node.js and npm are needed for Azurite (the local storage emulator)." >&2
    return 1
  fi
  if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing the pinned Azurite (npm ci)..." >&2
    npm ci --no-audit --no-fund --loglevel=error >&2 || return 1
  fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

wait_for_port() {
  local port=$1 tries=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -gt 150 ]; then
      echo "Azurite did not open port $port within 30 s." >&2
      return 1
    fi
    sleep 0.2
  done
}

start_azurite() {
  ensure_node_tools || return 1
  local blob queue table workspace
  blob=$(free_port) && queue=$(free_port) && table=$(free_port) || return 1
  while [ "$queue" = "$blob" ]; do queue=$(free_port); done
  while [ "$table" = "$blob" ] || [ "$table" = "$queue" ]; do table=$(free_port); done
  # In memory: nothing is written to disk; the folder only holds Azurite's console output.
  workspace=$(mktemp -d) || return 1
  # --skipApiVersionCheck: the Azure SDK may send a newer service version than this Azurite knows.
  local session=()
  if [ "${AZURITE_OWN_SESSION:-}" = 1 ] && command -v setsid >/dev/null; then session=(setsid); fi
  "${session[@]}" node_modules/.bin/azurite --inMemoryPersistence --silent --disableTelemetry --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --blobPort "$blob" \
    --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" >"$workspace/azurite.log" 2>&1 &
  AZURITE_PID=$!
  if [ -z "$(trap -p EXIT)" ]; then
    trap stop_azurite EXIT
  fi
  if ! { wait_for_port "$blob" && wait_for_port "$queue" && wait_for_port "$table"; }; then
    echo "Azurite failed to start:" >&2
    cat "$workspace/azurite.log" >&2
    stop_azurite
    return 1
  fi
  # The well-known development account key: public, Azurite-only, not a secret.
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
  export AZURITE_PID AZURITE_CONNECTION_STRING
}

stop_azurite() {
  if [ -n "${AZURITE_PID:-}" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
}
