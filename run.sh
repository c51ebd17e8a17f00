#!/usr/bin/env bash
# Runs ResponseMonitor locally with the demo brand: Azurite in memory, the app standalone on http://127.0.0.1:7071
# (RESPONSEMONITOR_PORT changes the port). Ctrl-C, INT or TERM stop the app, then Azurite. Api__Key from the
# environment wins; otherwise a key is generated for this run. The build is skipped when nothing changed since the last.
set -euo pipefail
# Started in the background by a script (./run.sh &), bash ignores INT and may not trap it: start again with INT and
# TERM at their defaults, so that both stop the demo alike.
if [ -z "${RESPONSEMONITOR_RUN_SIGNALS:-}" ] && trap -p INT | grep -q "''"; then
  export RESPONSEMONITOR_RUN_SIGNALS=1
  exec env --default-signal=INT,TERM "$0" "$@"
fi

cd "$(dirname "$0")"

source scripts/azurite.sh

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed (dotnet not found)." >&2; exit 1; }
# The key is checked before anything is built: the app would refuse it after a build and a banner.
if [ -n "${Api__Key:-}" ] && [ "${#Api__Key}" -lt 16 ]; then
  echo "Api__Key must be at least 16 characters (it has ${#Api__Key}); unset it to have one generated." >&2
  exit 1
fi
port=${RESPONSEMONITOR_PORT:-7071}
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Port $port is in use; stop what holds it or set RESPONSEMONITOR_PORT." >&2
  exit 1
fi

# A build with nothing changed still costs half a minute (the Functions SDK's generated extensions project): skip it
# when no source, page, seed or build setting is newer than the last build's stamp.
dll=src/ResponseMonitor.App/bin/Release/net10.0/ResponseMonitor.dll
stamp=src/ResponseMonitor.App/bin/Release/net10.0/.run-build-stamp
changed() {
  [ -f "$dll" ] && [ -f "$stamp" ] || return 0
  [ -n "$(find src web seeds host.json Directory.Build.props Directory.Packages.props nuget.config \
    \( -name bin -o -name obj \) -prune -o -type f -newer "$stamp" -print -quit 2>/dev/null)" ]
}
if changed; then
  echo "Building (the first build takes a minute or two; later starts skip it when nothing changed)..."
  touch "$stamp.next" 2>/dev/null || { mkdir -p "$(dirname "$stamp")"; touch "$stamp.next"; }
  dotnet build src/ResponseMonitor.App/ResponseMonitor.App.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
  # The stamp carries the time the build started: a file saved during the build is newer and rebuilds next time.
  mv "$stamp.next" "$stamp"
else
  echo "Nothing changed since the last build; starting."
fi

app_pid=""
cleanup() {
  trap - INT TERM EXIT
  # The app first: it releases its lease in Azurite as it stops.
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  stop_azurite
  echo "Stopped."
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# In their own sessions, so that Ctrl-C reaches only this script, which stops them in order.
AZURITE_OWN_SESSION=1 start_azurite
api_key=${Api__Key:-$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')}
base="http://127.0.0.1:$port"

AzureWebJobsStorage="$AZURITE_CONNECTION_STRING" \
Api__Key="$api_key" \
Demo__Enabled=true \
Demo__BaseUrl="$base" \
Hosting__Urls="$base" \
DOTNET_ENVIRONMENT=Development \
  setsid dotnet "$dll" &
app_pid=$!

cli="dotnet $dll"
cat <<TXT

ResponseMonitor is starting with the demo brand "Acme Outdoor" (eight channels).
  Dashboard page:  $base/   (paste the API key below when it asks)
  Dashboard JSON:  $base/api/dashboard
  API key:         $api_key   (header x-api-key)
  Try:             curl -s -H "x-api-key: $api_key" $base/api/dashboard
                   curl -s -H "x-api-key: $api_key" "$base/api/unanswered?critical=true"
                   curl -s -H "x-api-key: $api_key" $base/api/warnings
  Import history:  Api__Key=$api_key $cli import acme-forum seeds/acme-forum-history.csv --url $base
  (the same --url and Api__Key for train-critics, export-author and erase-author; $cli --help lists them)
Warnings appear within a few seconds of start-up. Ctrl-C stops the monitor and Azurite.

TXT
wait "$app_pid"
