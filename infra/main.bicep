// ResponseMonitor in a brand's own subscription: one resource group with the function app (Flex Consumption,
// .NET 10 isolated worker), its storage (identity only, shared keys off), Key Vault for platform tokens and webhook secrets,
// and Log Analytics with Application Insights. Deployed by `azd up`; see docs/DEPLOY.md.
targetScope = 'subscription'

import { channelConfig } from 'types.bicep'

@minLength(1)
@maxLength(64)
@description('azd environment name (what azd accepts: 1-64 letters, digits, - _ . ( )); names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region for every resource (one that offers Flex Consumption).')
param location string

@description('Base name of the resources; defaults to the environment name.')
param name string = ''

@description('Six-field NCRONTAB (UTC) for the PollChannels timer.')
param pollSchedule string = '0 */5 * * * *'

@description('The brand\'s channels. Secrets are named here, never given: each names a Key Vault secret.')
param channels channelConfig[] = []

@description('Key Vault secret holding the URL that receives warnings as JSON; empty sends none.')
param notificationWebhookSecretName string = ''

@description('Key Vault secret that signs warning notifications (HMAC with a timestamp); empty sends them unsigned.')
param notificationSigningSecretName string = ''

@description('Critic backend: builtin (needs nothing) or azure-language (Azure AI Language sentiment).')
@allowed(['builtin', 'azure-language'])
param criticBackend string = 'builtin'

@description('Azure AI Language endpoint, e.g. https://my-language.cognitiveservices.azure.com/; only for azure-language.')
param languageEndpoint string = ''

@description('Key Vault secret holding the Azure AI Language key; only for azure-language.')
param languageKeySecretName string = ''

@description('More app settings, e.g. Monitor__BusinessHours__Monday, Monitor__Exclusions__AutomationAuthorIds__0, Critics__Rules__0__Phrase, Notifications__Sinks__*. Secrets as Key Vault references only.')
param extraAppSettings object = {}

@description('Create a Service Bus namespace (Standard) with a topic that receives every warning event, sent with the app\'s identity (Azure Service Bus Data Sender on the topic).')
param serviceBus bool = false

@description('The topic of that namespace; subscriptions filter on the properties channel, rule, severity and event (docs/WARNINGS.md).')
@minLength(1)
@maxLength(260)
param serviceBusTopicName string = 'warnings'

@description('Object id of the person or pipeline deploying, granted rights to set secrets in the Key Vault.')
param principalId string = ''

@description('Kind of principal in principalId, from the azd environment variable AZURE_PRINCIPAL_TYPE (User when unset; a pipeline sets ServicePrincipal).')
@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

var baseName = empty(name) ? environmentName : name
// group:begin
// A resource group name may not end in '.', which an azd environment name may: trailing dots go (an all-dot name keeps
// 'rg-'). InfrastructureTests evaluates this block with the Bicep console.
var groupBase = take(baseName, 1 + last(concat([-1], filter(range(0, length(baseName)), i => substring(baseName, i, 1) != '.'))))
var groupName = 'rg-${groupBase}'
// group:end
var tags = { 'azd-env-name': environmentName, application: 'response-monitor' }

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: groupName
  location: location
  tags: tags
}

module app 'app.bicep' = {
  name: 'response-monitor-app'
  scope: group
  params: {
    baseName: baseName
    location: location
    tags: tags
    pollSchedule: pollSchedule
    channels: channels
    notificationWebhookSecretName: notificationWebhookSecretName
    notificationSigningSecretName: notificationSigningSecretName
    criticBackend: criticBackend
    languageEndpoint: languageEndpoint
    languageKeySecretName: languageKeySecretName
    extraAppSettings: extraAppSettings
    principalId: principalId
    principalType: principalType
    serviceBus: serviceBus
    serviceBusTopicName: serviceBusTopicName
  }
}

output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = app.outputs.functionAppName
output AZURE_FUNCTION_APP_URL string = app.outputs.functionAppUrl
output AZURE_KEY_VAULT_NAME string = app.outputs.keyVaultName
output AZURE_STORAGE_ACCOUNT_NAME string = app.outputs.storageAccountName
output AZURE_APP_IDENTITY_PRINCIPAL_ID string = app.outputs.identityPrincipalId
output AZURE_SERVICE_BUS_NAMESPACE string = app.outputs.serviceBusNamespace
