using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Connectors.Platforms;

/// <summary>
/// Every registered connector as the poller sees it: its pages, each carrying the credential news reported since the
/// page before (<see cref="CredentialNews"/>). News that comes after the last page, or before a read fails, leaves on
/// one more empty page (no items, no cursor), so the poller records it in either outcome, then the failure is thrown.
/// </summary>
internal sealed class CredentialNewsConnector(IChannelConnector inner, CredentialNews news) : IChannelConnector
{
    public string Kind => inner.Kind;

    public async IAsyncEnumerable<ConnectorPage> ReadAsync(ChannelDefinition channel, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);

        // News left by an earlier read that never reached a page (a read cancelled mid-way) is stale: drop it.
        news.Take(channel.Id);
        ExceptionDispatchInfo? failure = null;
        var pages = inner.ReadAsync(channel, cursor, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (pages.ConfigureAwait(false))
        {
            while (true)
            {
                ConnectorPage page;
                try
                {
                    if (!await pages.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    page = pages.Current;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                    break;
                }

                // A connector that set the page's news itself is taken at its word.
                yield return news.Take(channel.Id) is { } lifetime ? page with { Credential = page.Credential ?? lifetime } : page;
            }
        }

        if (news.Take(channel.Id) is { } late)
        {
            yield return new ConnectorPage([], null) { Credential = late };
        }

        failure?.Throw();
    }
}
