using Azure.Data.Tables;
using ResponseMonitor.Domain.Ports;

namespace ResponseMonitor.Storage.Tables;

/// <summary>Snapshots table: PartitionKey "snapshot", RowKey = channel id; one row per channel, overwritten by each analysis.</summary>
internal sealed class TableSnapshotStore(TableProvider tables) : ISnapshotStore
{
    private const string Partition = "snapshot";

    public async Task SaveAsync(ChannelSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var table = await tables.GetAsync(TableNames.Snapshots, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition, TableKeys.Encode(snapshot.ChannelId))
        {
            ["ChannelId"] = snapshot.ChannelId,
            ["AnalyzedAt"] = snapshot.AnalyzedAt,
            ["WindowStart"] = snapshot.WindowStart,
            ["OpenCount"] = snapshot.OpenCount,
            ["CriticalOpenCount"] = snapshot.CriticalOpenCount,
            ["OldestOpenSince"] = snapshot.OldestOpenSince,
            ["FirstResponseCount"] = snapshot.FirstResponseCount,
            ["MedianFirstResponseSeconds"] = snapshot.MedianFirstResponseSeconds,
            ["P90FirstResponseSeconds"] = snapshot.P90FirstResponseSeconds,
            ["MedianFirstResponseBusinessSeconds"] = snapshot.MedianFirstResponseBusinessSeconds,
            ["P90FirstResponseBusinessSeconds"] = snapshot.P90FirstResponseBusinessSeconds,
            ["ExcludedCount"] = snapshot.ExcludedCount,
            ["AnswerableCount"] = snapshot.AnswerableCount,
            ["AnsweredCount"] = snapshot.AnsweredCount,
            ["ResponseRate"] = snapshot.ResponseRate,
            ["LastBrandActivityAt"] = snapshot.LastBrandActivityAt,
            ["OpenHistory"] = WriteHistory(snapshot.OpenHistory),
            ["Listening7"] = ListeningSampleFormat.Write(snapshot.Listening7),
            ["Listening30"] = ListeningSampleFormat.Write(snapshot.Listening30),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ChannelSnapshot?> GetAsync(string channelId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Snapshots, cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Encode(channelId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    public async Task<IReadOnlyList<ChannelSnapshot>> GetAllAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Snapshots, cancellationToken).ConfigureAwait(false);
        var result = new List<ChannelSnapshot>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(entity));
        }

        return result;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ChannelSnapshot>> GetManyAsync(IReadOnlyCollection<string> channelIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        if (channelIds.Count == 0)
        {
            return [];
        }
        var table = await tables.GetAsync(TableNames.Snapshots, cancellationToken).ConfigureAwait(false);
        return await TableKeyRange.ReadAsync(table, Partition, channelIds, FromEntity, s => s.ChannelId, cancellationToken).ConfigureAwait(false);
    }

    private static ChannelSnapshot FromEntity(TableEntity entity) => new()
    {
        ChannelId = entity.GetString("ChannelId") ?? TableKeys.Decode(entity.RowKey),
        AnalyzedAt = entity.GetDateTimeOffset("AnalyzedAt") ?? DateTimeOffset.MinValue,
        WindowStart = entity.GetDateTimeOffset("WindowStart") ?? DateTimeOffset.MinValue,
        OpenCount = entity.GetInt32("OpenCount") ?? 0,
        CriticalOpenCount = entity.GetInt32("CriticalOpenCount") ?? 0,
        OldestOpenSince = entity.GetDateTimeOffset("OldestOpenSince"),
        FirstResponseCount = entity.GetInt32("FirstResponseCount") ?? 0,
        MedianFirstResponseSeconds = entity.GetDouble("MedianFirstResponseSeconds"),
        P90FirstResponseSeconds = entity.GetDouble("P90FirstResponseSeconds"),
        MedianFirstResponseBusinessSeconds = entity.GetDouble("MedianFirstResponseBusinessSeconds"),
        P90FirstResponseBusinessSeconds = entity.GetDouble("P90FirstResponseBusinessSeconds"),
        ExcludedCount = entity.GetInt32("ExcludedCount") ?? 0,
        AnswerableCount = entity.GetInt32("AnswerableCount") ?? 0,
        AnsweredCount = entity.GetInt32("AnsweredCount") ?? 0,
        ResponseRate = entity.GetDouble("ResponseRate"),
        LastBrandActivityAt = entity.GetDateTimeOffset("LastBrandActivityAt"),
        OpenHistory = ReadHistory(entity.GetString("OpenHistory")),
        Listening7 = ListeningSampleFormat.Read(entity.GetString("Listening7")),
        Listening30 = ListeningSampleFormat.Read(entity.GetString("Listening30")),
    };

    // "hourUnixSeconds:value;..." — a week of hours is about 2 KB, far inside the 64 KB a string property may hold.
    private static string WriteHistory(IReadOnlyList<Domain.Warnings.HourlySample> samples) =>
        string.Join(';', samples.Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.HourStart.ToUnixTimeSeconds()}:{s.Value}")));

    private static IReadOnlyList<Domain.Warnings.HourlySample> ReadHistory(string? text)
    {
        var samples = new List<Domain.Warnings.HourlySample>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split(':');
            if (pair.Length == 2
                && long.TryParse(pair[0], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                && int.TryParse(pair[1], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                samples.Add(new Domain.Warnings.HourlySample(DateTimeOffset.FromUnixTimeSeconds(seconds), value));
            }
        }

        return samples;
    }
}
