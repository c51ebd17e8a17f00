using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace ResponseMonitor.Bench.Stress;

/// <summary>
/// Looks for each secret of a run in every line the app logged and every table row and queue message it stored.
/// Comment texts are personal data: they belong in the Items and Open tables, never in a log line.
/// </summary>
internal static class SecretsScan
{
    public static async Task<IReadOnlyList<string>> RunAsync(string logPath, string storage, string prefix, IReadOnlyDictionary<string, string> secrets, IReadOnlyCollection<string> personal)
    {
        var findings = new List<string>();
        var lines = File.Exists(logPath) ? await File.ReadAllLinesAsync(logPath) : [];
        foreach (var (name, value) in secrets.Concat(personal.Select(p => KeyValuePair.Create("comment text", p))))
        {
            var hits = lines.Count(l => l.Contains(value, StringComparison.Ordinal));
            if (hits > 0)
            {
                findings.Add($"{name}: {hits} log lines");
            }
        }

        var service = new TableServiceClient(storage);
        var rows = 0;
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(prefix) >= 0))
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows++;
                var text = string.Join('\n', entity.Select(p => p.Key + "=" + p.Value));
                foreach (var (name, value) in secrets)
                {
                    if (text.Contains(value, StringComparison.Ordinal))
                    {
                        findings.Add($"{name}: in table {table.Name}, row {entity.PartitionKey}/{entity.RowKey}");
                    }
                }
            }
        }

        var queues = new QueueServiceClient(storage);
        await foreach (var queue in queues.GetQueuesAsync(prefix: "q-" + prefix))
        {
            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                var text = message.Body.ToString();
                findings.AddRange(secrets.Where(s => text.Contains(s.Value, StringComparison.Ordinal)).Select(s => $"{s.Key}: in queue {queue.Name}"));
            }
        }

        Console.WriteLine($"Secrets scan: {lines.Length} log lines, {rows} table rows: {(findings.Count == 0 ? "nothing found" : string.Join("; ", findings))}");
        return findings;
    }
}
