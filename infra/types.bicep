// Types shared by main.bicep and app.bicep.

@export()
@description('One monitored channel.')
type channelConfig = {
  @description('Stable id, 1-64 letters, digits, _ . -')
  id: string
  @description('Display name.')
  name: string
  @description('Connector kind, e.g. generic-feed.')
  kind: string
  @description('The generic feed URL (generic-feed channels).')
  feedUrl: string?
  @description('Author ids that are the brand on this channel.')
  brandAuthorIds: string[]
  @description('Key Vault secret with the platform access token, if any.')
  accessTokenSecretName: string?
  @description('Key Vault secret with the webhook signing secret, if the channel accepts pushes.')
  webhookSecretName: string?
  @description('Silence threshold as d.hh:mm:ss (default 3.00:00:00).')
  silenceThreshold: string?
  @description('Critic threshold as d.hh:mm:ss (default 1.00:00:00).')
  criticThreshold: string?
}
