#!/usr/bin/env bash
# A manual check, not part of ./test.sh (CI cannot fetch the host): runs the deploy package (scripts/package.sh) under
# an Azure Functions host built from Azure/azure-functions-host's source, against Azurite, and exercises what only the
# host shows: function keys in the header and as ?code=, the timer -> poll-channel queue -> PollChannel -> analysis
# chain, and an import job through the import-history queue. W is the host's build folder: $W/hostenv.sh (HOSTDIR,
# AzureWebJobsStorage, ASPNETCORE_URLS ...), $W/az (azurite + @azure/storage-queue from npm), $W/feedsrv/feed.json
# (written here: a generic-feed page served on 127.0.0.1:18777), $W/logs. Results: docs/RELIABILITY.md, "Under the Functions host".
set -uo pipefail
W=${W:?set W to the folder of a Functions host built from source (see the header)}
. "$W/hostenv.sh"
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)/.artifacts/package}; BASE=$ASPNETCORE_URLS; LOG=$W/logs/run-rm.log
FK=${FUNCTION_KEY:-probe-function-key-0123456789}
mkdir -p "$W/feedsrv" "$W/logs"
python3 - "$W/feedsrv/feed.json" <<'PY'
import json, sys, datetime
now = datetime.datetime.now(datetime.timezone.utc)
t = lambda m: (now - datetime.timedelta(minutes=m)).strftime('%Y-%m-%dT%H:%M:%SZ')
json.dump({"items": [
    {"id": "p1", "kind": "post", "authorId": "brand-team", "createdAt": t(300), "text": "Our new product is out"},
    {"id": "c1", "kind": "comment", "parentId": "p1", "authorId": "u1", "authorName": "Ann", "createdAt": t(200), "text": "My order never arrived, terrible service"},
    {"id": "c2", "kind": "comment", "parentId": "p1", "authorId": "u2", "createdAt": t(100), "text": "Love it"}],
    "nextPageToken": None}, open(sys.argv[1], "w"))
PY
(cd $W/feedsrv && exec python3 -m http.server 18777 --bind 127.0.0.1 >/dev/null 2>&1) & FEED=$!
(cd $W/az && exec node node_modules/azurite/dist/src/azurite.js --inMemoryPersistence --skipApiVersionCheck --loose --silent --disableTelemetry --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 > $W/logs/azurite-rm.log 2>&1) & AZ=$!
sleep 4
env -u CONTAINER_NAME AzureWebJobsScriptRoot="$ROOT" "languageWorkers__dotnet-isolated__workerDirectory=$ROOT" \
  "PollSchedule=*/20 * * * * *" "Monitor__ApiKey=unused-when-hosted-0123456789" \
  "Monitor__Channels__0__Id=forum" "Monitor__Channels__0__Name=Community forum" "Monitor__Channels__0__Kind=generic-feed" \
  "Monitor__Channels__0__FeedUrl=http://127.0.0.1:18777/feed.json" "Monitor__Channels__0__BrandAuthorIds__0=brand-team" \
  "Monitor__Channels__1__Id=li" "Monitor__Channels__1__Kind=linkedin-page" "Monitor__Channels__1__Settings__organizationId=5515715" \
  "Monitor__Channels__1__Settings__apiUrl=http://127.0.0.1:18777/li/" "Monitor__Channels__1__Settings__clientId=li-app" \
  "Monitor__Channels__1__BrandAuthorIds__0=urn:li:organization:5515715" "Monitor__Channels__1__AccessToken=li-token" \
  "Monitor__Channels__1__ClientSecret=li-secret" \
  dotnet "$HOSTDIR/Microsoft.Azure.WebJobs.Script.WebHost.dll" > "$LOG" 2>&1 & HOST=$!
cleanup() { kill $HOST $FEED $AZ 2>/dev/null; wait 2>/dev/null; }; trap cleanup EXIT
for i in $(seq 120); do grep -q 'Job host started' "$LOG" && break; sleep 1; done
grep -q 'Job host started' "$LOG" || { echo "host did not start"; tail -30 $LOG; exit 1; }
curl -s -o /dev/null "$BASE/admin/host/status"; sleep 1
FK=$(python3 -c "import json;print(json.load(open('$HOSTDIR/Secrets/host.json',encoding='utf-8-sig'))['functionKeys'][0]['value'])")
echo "== functions:"; grep -A60 'Found the following functions' "$LOG" | grep -E '^ +Host\.Functions\.' | sed 's/^ */   /' | tr '\n' ' '; echo
for r in "health" "dashboard" "warnings" "warnings/history" "unanswered" "channels/forum" "metrics" "metrics/exclusions" "metrics/daily" "silences" "notifications" "critics/labels"; do
  printf "%-22s nokey=%s header=%s ?code=%s\n" $r \
    "$(curl -s -o /dev/null -m 30 -w '%{http_code}' "$BASE/api/$r")" \
    "$(curl -s -o /dev/null -m 30 -w '%{http_code}' -H "x-functions-key: $FK" "$BASE/api/$r")" \
    "$(curl -s -o /tmp/rm-code.out -m 30 -w '%{http_code}' "$BASE/api/$r?code=$FK")"
done
echo "== the worker's own checks behind the host's key (unknown channel, paging, strict query):"
for q in "channels/nope" "unanswered?channel=nope" "unanswered?limit=1" "warnings?limit=1&after=bogus" "warnings?bogus=1"; do
  sep='?'; case $q in *\?*) sep='&';; esac
  printf "%-32s %s\n" "$q" "$(curl -s -m 30 -w ' [%{http_code}]' "$BASE/api/$q${sep}code=$FK" | cut -c1-160)"
done
sleep ${WATCH:-60}
echo "== executions:"; grep -oE "Executed '[^']+' \((Succeeded|Failed)[^)]*" "$LOG" | sed -E 's/, Id=.*//' | sort | uniq -c
echo "== unanswered after the cycle:"; curl -s -m 30 "$BASE/api/unanswered?code=$FK" | cut -c1-600; echo
echo "== channel:"; curl -s -m 30 "$BASE/api/channels/forum?code=$FK" | cut -c1-1500; echo
echo "== import job through the host:"
T=$(date -u -d '-30 min' +%Y-%m-%dT%H:%M:%SZ)
printf '{"id":"i1","kind":"comment","parentId":"p1","authorId":"u9","createdAt":"%s","text":"Still waiting for my refund"}\n{"id":"i2","kind":"comment","parentId":"p1","authorId":"brand-team","createdAt":"%s","text":"Sorry, we are on it"}\n' $T $T > /tmp/imp.jsonl
curl -s -m 30 -D /tmp/imp.h -X POST -H "Content-Type: application/x-ndjson" --data-binary @/tmp/imp.jsonl "$BASE/api/imports/forum?format=jsonl&code=$FK"; echo; grep -i "^location\|^HTTP" /tmp/imp.h
LOC=$(grep -i '^location' /tmp/imp.h | tr -d '\r' | awk '{print $2}')
sleep 15; curl -s -m 30 "$BASE${LOC}?code=$FK" -H "x-functions-key: $FK"; echo
grep -oE "Executed 'Functions.RunImport' \((Succeeded|Failed)" "$LOG" | sort | uniq -c
# Push through the host: webhook routes are anonymous, so the host forwards the query string and the raw body to the
# worker untouched. LinkedIn's challenge (GET ?challengeCode=) and a signed delivery (X-LI-Signature = hex HMAC-SHA256
# of "hmacsha256=" + body with the client secret; learn.microsoft.com/linkedin/shared/api-guide/webhook-validation).
echo "== LinkedIn push through the host:"
echo "challenge: $(curl -s -m 30 -w ' [%{http_code}]' "$BASE/api/webhooks/li?challengeCode=probe-123")"
echo "expected:  $(python3 -c 'import hmac,hashlib;print(hmac.new(b"li-secret",b"probe-123",hashlib.sha256).hexdigest())')"
NOW_MS=$(( $(date +%s) * 1000 - 3600000 ))
printf '{"type":"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS","notifications":[{"notificationId":9001,"organizationalEntity":"urn:li:organization:5515715","action":"COMMENT","sourcePost":"urn:li:activity:7100","decoratedSourcePost":{"owner":"urn:li:organization:5515715","mediaCategory":"NONE","text":"New store","entity":"urn:li:share:7100"},"generatedActivity":"urn:li:comment:(activity:7100,7201)","decoratedGeneratedActivity":{"comment":{"owner":"urn:li:person:AbC12","text":"Your support line is down","entity":"urn:li:comment:(urn:li:activity:7100,7201)","object":"urn:li:activity:7100"}},"lastModifiedAt":%s,"subscriber":"urn:li:person:Adm1n"}]}' "$NOW_MS" > /tmp/li.json
SIG=$(python3 -c 'import hmac,hashlib,sys;print(hmac.new(b"li-secret",b"hmacsha256="+open("/tmp/li.json","rb").read(),hashlib.sha256).hexdigest())')
echo "signed:    $(curl -s -m 30 -w ' [%{http_code}]' -X POST -H "Content-Type: application/json" -H "X-LI-Signature: $SIG" --data-binary @/tmp/li.json "$BASE/api/webhooks/li")"
echo "bad sig:   $(curl -s -m 30 -w ' [%{http_code}]' -X POST -H "Content-Type: application/json" -H "X-LI-Signature: 00$SIG" --data-binary @/tmp/li.json "$BASE/api/webhooks/li" | cut -c1-160)"
sleep 3; echo "stored:    $(curl -s -m 30 "$BASE/api/unanswered?channel=li&code=$FK" | cut -c1-300)"
