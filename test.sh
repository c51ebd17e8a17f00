#!/usr/bin/env bash
# Runs every test: installs what it needs (npm ci for the pinned Azurite and axe-core, dotnet restore, Debian's chromium
# for the browser tests), starts its own Azurite on
# free loopback ports, runs the test projects against it, and ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed (dotnet not found)." >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The browser tests drive Debian's chromium (no browser download); install it where it is missing.
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the dashboard's browser tests..." >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >&2
fi

dotnet restore ResponseMonitor.sln --nologo -v quiet
dotnet build ResponseMonitor.sln -c Release --no-restore --nologo -v quiet -clp:ErrorsOnly

# The Functions deploy package, checked by PackageTests (layout, and the executable answering from its folder).
mkdir -p .artifacts
scripts/package.sh .artifacts/package >/dev/null
export RESPONSEMONITOR_PACKAGE=.artifacts/package

trap stop_azurite EXIT
start_azurite
export RESPONSEMONITOR_TEST_STORAGE="$AZURITE_CONNECTION_STRING"

mkdir -p .artifacts
results=.artifacts/test-results
rm -rf "$results"
status=0
dotnet test ResponseMonitor.sln -c Release --no-build --nologo --results-directory "$results" --logger "trx" --logger "console;verbosity=normal" 2>&1 | tee .artifacts/test-output.log || status=$?

# One closing line over all test assemblies, read from the TRX files.
summary=$(node -e '
  const fs=require("fs"),path=require("path"); let p=0,f=0,s=0;
  for (const file of fs.readdirSync(process.argv[1]).filter(n=>n.endsWith(".trx"))) {
    const x=fs.readFileSync(path.join(process.argv[1],file),"utf8"); const m=x.match(/<Counters [^>]*>/); if(!m) continue;
    const g=k=>Number((m[0].match(new RegExp(" "+k+"=\"(\\d+)\""))||[0,0])[1]);
    p+=g("passed"); f+=g("failed")+g("error")+g("timeout")+g("aborted"); s+=g("notExecuted");
  }
  console.log(`${p} passed, ${f} failed, ${s} skipped`);' "$results")
echo "$summary"
if [ "$status" -ne 0 ] || ! echo "$summary" | grep -q ' 0 failed'; then
  exit 1
fi
