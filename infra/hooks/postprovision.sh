#!/bin/sh
# azd postprovision hook: `azd up` deploys the package right after provisioning, and the app's identity must by then be
# able to use the roles the template just gave it (Storage Blob Data Owner on the deployment container, above all).
# Role assignments take effect minutes after they are created (learn.microsoft.com/azure/role-based-access-control/
# troubleshooting, "Role assignment changes are not being detected"), so a first deploy can get 403. This hook waits
# until the app identity's newest role assignment is RESPONSE_MONITOR_ROLE_WAIT_SECONDS old (300 by default): on a
# rerun the assignments are old and it returns at once. Without the Azure CLI it waits the full time once per
# identity, remembered in the azd environment. See docs/DEPLOY.md, "Role propagation".
set -eu

wait_seconds=${RESPONSE_MONITOR_ROLE_WAIT_SECONDS:-300}
principal=${AZURE_APP_IDENTITY_PRINCIPAL_ID:-}
group=${AZURE_RESOURCE_GROUP:-}
if [ -z "$principal" ] || [ -z "$group" ]; then
  echo "postprovision: no AZURE_APP_IDENTITY_PRINCIPAL_ID or AZURE_RESOURCE_GROUP output; nothing to wait for."
  exit 0
fi

now=$(date -u +%s)
remaining=""
if command -v az >/dev/null 2>&1; then
  # createdOn is ISO 8601 (az role assignment list, learn.microsoft.com/cli/azure/role/assignment); the newest sorts last.
  newest=$(az role assignment list --all --assignee "$principal" --query "[?resourceGroup=='$group'].createdOn" -o tsv 2>/dev/null | sort | tail -n 1 || true)
  if [ -n "$newest" ]; then
    created=$(date -u -d "$newest" +%s 2>/dev/null || true)
    if [ -n "$created" ]; then
      remaining=$((created + wait_seconds - now))
    fi
  fi
fi

if [ -z "$remaining" ]; then
  # No CLI, or an answer this shell cannot read: wait once per identity.
  if command -v azd >/dev/null 2>&1 && [ "$(azd env get-value RESPONSE_MONITOR_ROLES_SETTLED 2>/dev/null || true)" = "$principal" ]; then
    remaining=0
  else
    remaining=$wait_seconds
  fi
fi

if [ "$remaining" -gt 0 ]; then
  echo "postprovision: waiting ${remaining} s for the app identity's new role assignments to take effect before the deploy..."
  sleep "$remaining"
fi

if command -v azd >/dev/null 2>&1; then
  azd env set RESPONSE_MONITOR_ROLES_SETTLED "$principal" >/dev/null 2>&1 || true
fi

echo "postprovision: role assignments are in effect."
