#!/bin/sh
# azd preprovision hook: the resource providers infra/ uses must be registered on the subscription before the
# deployment, or it fails with MissingSubscriptionRegistration. Flex Consumption needs Microsoft.App as well as
# Microsoft.Web (learn.microsoft.com/azure/azure-functions/flex-consumption-how-to, "Prerequisites"). A provider that is
# not registered is registered here (that needs */register/action on the subscription, as Contributor has); without the
# Azure CLI the hook says what to run and lets azd go on. See docs/DEPLOY.md, "Before the first azd up".
set -eu

providers="Microsoft.App Microsoft.Web Microsoft.Storage Microsoft.KeyVault Microsoft.ManagedIdentity Microsoft.OperationalInsights Microsoft.Insights Microsoft.ServiceBus"

if ! command -v az >/dev/null 2>&1; then
  echo "preprovision: the Azure CLI (az) is not installed, so resource providers were not checked."
  echo "preprovision: if provisioning fails with MissingSubscriptionRegistration, run for each of"
  echo "preprovision:   $providers"
  echo "preprovision: az provider register --namespace <provider> --wait"
  exit 0
fi

subscription=${AZURE_SUBSCRIPTION_ID:-}
for provider in $providers; do
  if [ -n "$subscription" ]; then
    state=$(az provider show --namespace "$provider" --subscription "$subscription" --query registrationState -o tsv 2>/dev/null || echo Unknown)
  else
    state=$(az provider show --namespace "$provider" --query registrationState -o tsv 2>/dev/null || echo Unknown)
  fi

  if [ "$state" = "Registered" ]; then
    continue
  fi

  echo "preprovision: $provider is $state on the subscription; registering it (this can take a few minutes)..."
  if [ -n "$subscription" ]; then
    registered=$(az provider register --namespace "$provider" --subscription "$subscription" --wait >/dev/null 2>&1 && echo yes || echo no)
  else
    registered=$(az provider register --namespace "$provider" --wait >/dev/null 2>&1 && echo yes || echo no)
  fi

  if [ "$registered" != "yes" ]; then
    echo "preprovision: error: $provider is not registered and could not be registered with this account." >&2
    echo "preprovision: an owner of the subscription runs: az provider register --namespace $provider --wait" >&2
    exit 1
  fi
done

echo "preprovision: resource providers registered."
