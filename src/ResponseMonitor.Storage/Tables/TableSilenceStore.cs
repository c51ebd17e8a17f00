using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using ResponseMonitor.Domain.Notifications;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.Storage.Tables;

/// <summary>Silences table: PartitionKey "silence", RowKey = silence id. Few rows, read whole by each dispatch; the list route streams them (<see cref="StreamAsync"/>).</summary>
internal sealed class TableSilenceStore(TableProvider tables) : ISilenceStore
{
    private const string Partition = "silence";

    public async Task CreateAsync(Silence silence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silence);
        var table = await tables.GetAsync(TableNames.Silences, cancellationToken).ConfigureAwait(false);
        await table.AddEntityAsync(ToEntity(silence), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Silence>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<Silence>();
        await foreach (var silence in StreamAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(silence);
        }

        return result.OrderByDescending(s => s.CreatedAt).ToList();
    }

    public async IAsyncEnumerable<Silence> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Silences, cancellationToken).ConfigureAwait(false);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(entity);
        }
    }

    public async Task<Silence?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Silences, cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Encode(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    public async Task<bool> ExpireAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Silences, cancellationToken).ConfigureAwait(false);
        var existing = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return false;
        }

        if (existing.EndsAt > now)
        {
            var entity = new TableEntity(Partition, TableKeys.Encode(id)) { ["EndsAt"] = now };
            await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static TableEntity ToEntity(Silence silence) => new(Partition, TableKeys.Encode(silence.Id))
    {
        ["SilenceId"] = silence.Id,
        ["Brand"] = silence.Brand,
        ["ChannelId"] = silence.ChannelId,
        ["Rule"] = silence.Rule,
        ["Subject"] = silence.Subject,
        ["MaxSeverity"] = silence.MaxSeverity?.ToString(),
        ["StartsAt"] = silence.StartsAt,
        ["EndsAt"] = silence.EndsAt,
        ["CreatedBy"] = silence.CreatedBy,
        ["Comment"] = silence.Comment,
        ["CreatedAt"] = silence.CreatedAt,
    };

    private static Silence FromEntity(TableEntity e) => new()
    {
        Id = e.GetString("SilenceId") ?? TableKeys.Decode(e.RowKey),
        Brand = e.GetString("Brand"),
        ChannelId = e.GetString("ChannelId"),
        Rule = e.GetString("Rule"),
        Subject = e.GetString("Subject"),
        MaxSeverity = Enum.TryParse<WarningSeverity>(e.GetString("MaxSeverity"), out var severity) ? severity : null,
        StartsAt = e.GetDateTimeOffset("StartsAt") ?? DateTimeOffset.MinValue,
        EndsAt = e.GetDateTimeOffset("EndsAt") ?? DateTimeOffset.MinValue,
        CreatedBy = e.GetString("CreatedBy") ?? "",
        Comment = e.GetString("Comment") ?? "",
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
    };
}
