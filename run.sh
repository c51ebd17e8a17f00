#!/usr/bin/env bash
# Runs ResponseMonitor locally with the demo brand: Azurite in memory, the app standalone on http://127.0.0.1:7071.
# Ctrl-C stops both. Api__Key from the environment wins; otherwise a key is generated for this run.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed (dotnet not found)." >&2; exit 1; }
port=${RESPONSEMONITOR_PORT:-7071}
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Port $port is in use; stop what holds it or set RESPONSEMONITOR_PORT." >&2
  exit 1
fi

echo "Building..."
dotnet build src/ResponseMonitor.App/ResponseMonitor.App.csproj -c Release --nologo -v quiet -clp:ErrorsOnly

app_pid=""
cleanup() {
  trap - INT TERM EXIT
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  stop_azurite
  echo "Stopped."
}
trap cleanup INT TERM EXIT

start_azurite
api_key=${Api__Key:-$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')}
base="http://127.0.0.1:$port"

AzureWebJobsStorage="$AZURITE_CONNECTION_STRING" \
Api__Key="$api_key" \
Demo__Enabled=true \
Demo__BaseUrl="$base" \
Hosting__Urls="$base" \
DOTNET_ENVIRONMENT=Development \
  dotnet src/ResponseMonitor.App/bin/Release/net10.0/ResponseMonitor.dll &
app_pid=$!

cat <<TXT

ResponseMonitor is starting with the demo brand "Acme Outdoor" (eight channels).
  Dashboard page:  $base/   (paste the API key below when it asks)
  Dashboard JSON:  $base/api/dashboard
  API key:         $api_key   (header x-api-key)
  Try:             curl -s -H "x-api-key: $api_key" $base/api/dashboard
                   curl -s -H "x-api-key: $api_key" "$base/api/unanswered?critical=true"
                   curl -s -H "x-api-key: $api_key" $base/api/warnings
Warnings appear within a few seconds of start-up. Ctrl-C stops the monitor and Azurite.

TXT
wait "$app_pid"
