// The resources of one ResponseMonitor deployment, inside its resource group.
import { channelConfig } from 'types.bicep'

@description('Base name of the resources.')
param baseName string

@description('Region of every resource.')
param location string

@description('Tags on every resource.')
param tags object

@description('Six-field NCRONTAB (UTC) for the PollChannels timer.')
param pollSchedule string

@description('The brand\'s channels.')
param channels channelConfig[]

@description('Key Vault secret holding the warning webhook URL; empty sends none.')
param notificationWebhookSecretName string

@description('Key Vault secret that signs warning notifications; empty sends them unsigned.')
param notificationSigningSecretName string

@description('More app settings, laid over the ones this template sets (Azure replaces the whole set on each deployment).')
param extraAppSettings object = {}

@description('Critic backend: builtin or azure-language.')
@allowed(['builtin', 'azure-language'])
param criticBackend string = 'builtin'

@description('Azure AI Language endpoint, for azure-language.')
param languageEndpoint string = ''

@description('Key Vault secret holding the Azure AI Language key, for azure-language.')
param languageKeySecretName string = ''

@description('Create a Service Bus namespace with a topic for warnings, and let the app send to it.')
param serviceBus bool = false

@description('The warnings topic.')
param serviceBusTopicName string = 'warnings'

@description('Deploying principal, granted Key Vault Secrets Officer; empty grants nobody.')
param principalId string

@description('Kind of principal in principalId.')
param principalType string

var token = toLower(uniqueString(subscription().id, resourceGroup().id, baseName))
// naming:begin
// Valid for every azd environment name (1-64 characters of letters, digits, - _ . ( )) and unique by the token: the
// characters a resource refuses become '-' or go, the base is cut to fit each length limit, and the 13-character token
// always survives the cut. InfrastructureTests evaluates this block with the Bicep console for short, long and odd names.
var hyphenated = toLower(replace(replace(replace(replace(baseName, '_', '-'), '.', '-'), '(', '-'), ')', '-'))
var compact = replace(hyphenated, '-', '')
var names = {
  storage: 'st${take(compact, 9)}${token}'
  vault: 'kv${take(compact, 9)}${token}'
  site: 'func-${take(hyphenated, 32)}-${token}'
  plan: 'plan-${take(hyphenated, 40)}-${token}'
  identity: 'id-${take(hyphenated, 40)}-${token}'
  logs: 'log-${take(hyphenated, 40)}-${token}'
  insights: 'appi-${take(hyphenated, 40)}-${token}'
  bus: 'sb-${take(hyphenated, 30)}-${token}'
}
// naming:end
var deploymentContainer = 'app-package'
var tablePrefix = 'rm'
var tableNames = ['Items', 'Open', 'Channels', 'Snapshots', 'Warnings', 'Silences', 'CriticLabels', 'ImportJobs']
var queueNames = ['analyze-channel', 'analyze-channel-poison', 'import-history', 'import-history-poison', 'poll-channel', 'poll-channel-poison']

// Built-in role definitions.
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.storage
  location: location
  tags: tags
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: deploymentContainer
}

resource locksContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: '${tablePrefix}-locks'
}

// Each brand's trained critic model (POST /api/critics/models/{brand}); the app also creates it on first use.
resource modelsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: '${tablePrefix}-models'
}

// History imports accepted by POST /api/imports/{channel}, each deleted once imported (RunImport reads it from there).
resource importsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: '${tablePrefix}-imports'
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tableNames: {
  parent: tableService
  name: '${tablePrefix}${table}'
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queueNames: {
  parent: queueService
  name: queue
}]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.vault
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

// The app's identity: storage data (blob, queue, table), secrets, telemetry. No keys anywhere.
var appRoles = [
  { scope: 'storage', role: roles.storageBlobDataOwner }
  { scope: 'storage', role: roles.storageQueueDataContributor }
  { scope: 'storage', role: roles.storageTableDataContributor }
]

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for assignment in appRoles: {
  name: guid(storage.id, identity.id, assignment.role)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.role)
  }
}]

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

// A token a platform rotates (Reddit's, TikTok's and LinkedIn's refresh tokens, Threads' long-lived token) is written
// back as a new version of its channel's AccessToken secret (docs/CHANNELS.md), and only there: Key Vault Secrets Officer
// scoped to each such secret (Microsoft.KeyVault/vaults/secrets, learn.microsoft.com/azure/key-vault/general/rbac-guide,
// "Secret scope role assignment"), never to the vault, so the app cannot set or delete any other secret. The kinds are
// those whose connector takes RotatedSecrets (InfrastructureTests checks the list against the code). A channel's secret
// exists before the channel is declared (docs/DEPLOY.md, "Add a channel"), so the scope exists at deployment.
var rotatingKinds = ['linkedin-page', 'reddit', 'threads', 'tiktok']
var rotatedSecretNames = union(map(filter(channels, c => contains(rotatingKinds, c.kind) && !empty(c.?accessTokenSecretName ?? '')), c => c.accessTokenSecretName!), [])

resource rotatedSecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = [for name in rotatedSecretNames: {
  parent: vault
  name: name
}]

resource vaultSecretsWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (name, i) in rotatedSecretNames: {
  name: guid(vault.id, name, identity.id, roles.keyVaultSecretsOfficer)
  scope: rotatedSecrets[i]
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
  }
}]

resource vaultSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(principalId)) {
  name: guid(vault.id, principalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    principalId: principalId
    principalType: principalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
  }
}

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

// Optional: warnings onto the brand's own bus. Standard is the lowest tier with topics; local (SAS) auth is off, so the
// app's identity is the only way in. Duplicate detection drops a retried message the topic already holds (MessageId =
// the notification id, docs/WARNINGS.md).
resource bus 'Microsoft.ServiceBus/namespaces@2024-01-01' = if (serviceBus) {
  name: names.bus
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource warningsTopic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = if (serviceBus) {
  parent: bus
  name: serviceBusTopicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT10M'
    defaultMessageTimeToLive: 'P14D'
  }
}

// Send only, and only to this topic.
resource busSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (serviceBus) {
  name: guid(warningsTopic.id, identity.id, roles.serviceBusDataSender)
  scope: warningsTopic
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: names.plan
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: names.site
  location: location
  tags: union(tags, { 'azd-service-name': 'monitor' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
      // .NET 10 isolated: the newest .NET that Azure Functions lists as GA (learn.microsoft.com/azure/azure-functions/supported-languages).
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
  // The roles exist before the app does; they still take minutes to take effect, which the postprovision hook waits
  // for (infra/hooks/postprovision.sh, docs/DEPLOY.md).
  dependsOn: [storageRoles, vaultSecretsUser, vaultSecretsWriter, telemetryPublisher, busSender]
}

// Key Vault references resolve through the app's identity; the value never sits in app settings.
func secretReference(vaultName string, secretName string) string => '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretName})'

var channelSettings = toObject(flatten(map(range(0, length(channels)), i => concat(
  [
    { key: 'Monitor__Channels__${i}__Id', value: channels[i].id }
    { key: 'Monitor__Channels__${i}__Name', value: channels[i].name }
    { key: 'Monitor__Channels__${i}__Kind', value: channels[i].kind }
    { key: 'Monitor__Channels__${i}__FeedUrl', value: channels[i].?feedUrl ?? '' }
    { key: 'Monitor__Channels__${i}__SilenceThreshold', value: channels[i].?silenceThreshold ?? '3.00:00:00' }
    { key: 'Monitor__Channels__${i}__CriticThreshold', value: channels[i].?criticThreshold ?? '1.00:00:00' }
    { key: 'Monitor__Channels__${i}__AccessToken', value: empty(channels[i].?accessTokenSecretName ?? '') ? '' : secretReference(vault.name, channels[i].accessTokenSecretName!) }
    { key: 'Monitor__Channels__${i}__AccessTokenSecretName', value: channels[i].?accessTokenSecretName ?? '' }
    { key: 'Monitor__Channels__${i}__WebhookSecret', value: empty(channels[i].?webhookSecretName ?? '') ? '' : secretReference(vault.name, channels[i].webhookSecretName!) }
    { key: 'Monitor__Channels__${i}__WebhookVerifyToken', value: empty(channels[i].?webhookVerifyTokenSecretName ?? '') ? '' : secretReference(vault.name, channels[i].webhookVerifyTokenSecretName!) }
  ],
  map(items(channels[i].?settings ?? {}), setting => { key: 'Monitor__Channels__${i}__Settings__${setting.key}', value: setting.value }),
  map(range(0, length(channels[i].brandAuthorIds)), j => { key: 'Monitor__Channels__${i}__BrandAuthorIds__${j}', value: channels[i].brandAuthorIds[j] })))), entry => entry.key, entry => entry.value)

// The Service Bus sink (docs/WARNINGS.md): the namespace host from its endpoint (https://{host}:443/), the identity's id.
var busSettings = serviceBus ? {
  Notifications__Sinks__servicebus__Type: 'servicebus'
  Notifications__Sinks__servicebus__FullyQualifiedNamespace: split(split(bus!.properties.serviceBusEndpoint, '//')[1], ':')[0]
  Notifications__Sinks__servicebus__QueueOrTopic: serviceBusTopicName
  Notifications__Sinks__servicebus__ClientId: identity.properties.clientId
} : {}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union({
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.properties.clientId
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
    PollSchedule: pollSchedule
    Storage__Prefix: tablePrefix
    Secrets__VaultUri: vault.properties.vaultUri
    Secrets__ClientId: identity.properties.clientId
    Notifications__WebhookUrl: empty(notificationWebhookSecretName) ? '' : secretReference(vault.name, notificationWebhookSecretName)
    Notifications__WebhookSecret: empty(notificationSigningSecretName) ? '' : secretReference(vault.name, notificationSigningSecretName)
    Critics__Backend: criticBackend
    Critics__AzureLanguage__Endpoint: languageEndpoint
    Critics__AzureLanguage__ApiKey: empty(languageKeySecretName) ? '' : secretReference(vault.name, languageKeySecretName)
  }, busSettings, channelSettings, extraAppSettings)
}

output functionAppName string = site.name
output functionAppUrl string = 'https://${site.properties.defaultHostName}'
output keyVaultName string = vault.name
output storageAccountName string = storage.name
output identityPrincipalId string = identity.properties.principalId
output serviceBusNamespace string = serviceBus ? names.bus : ''
