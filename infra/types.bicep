// Types shared by main.bicep and app.bicep.

@export()
@description('One monitored channel.')
type channelConfig = {
  @description('Stable id, 1-64 letters, digits, _ . -')
  id: string
  @description('Display name.')
  name: string
  @description('Connector kind: generic-feed, facebook-page, instagram, youtube, mastodon, bluesky, reddit or x.')
  kind: string
  @description('The generic feed URL (generic-feed channels).')
  feedUrl: string?
  @description('Connector settings that are not secret, e.g. { pageId: "…" } or { instanceUrl: "…", accountId: "…" } (docs/CHANNELS.md).')
  settings: { *: string }?
  @description('Author ids that are the brand on this channel.')
  brandAuthorIds: string[]
  @description('Key Vault secret with the platform access token, if any.')
  accessTokenSecretName: string?
  @description('Key Vault secret with the webhook signing secret (Meta: the app secret), if the channel accepts pushes.')
  webhookSecretName: string?
  @description('Key Vault secret with the verify token of a Meta webhook subscription.')
  webhookVerifyTokenSecretName: string?
  @description('Silence threshold as d.hh:mm:ss (default 3.00:00:00).')
  silenceThreshold: string?
  @description('Critic threshold as d.hh:mm:ss (default 1.00:00:00).')
  criticThreshold: string?
}
