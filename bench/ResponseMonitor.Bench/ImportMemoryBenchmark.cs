using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ResponseMonitor.Bench.Stress;

namespace ResponseMonitor.Bench;

/// <summary>
/// Issue 27, defect 5: the app's peak memory while it imports a file with one huge line, as a ratio to its own idle
/// memory in the same run. The app runs as a user runs it (its own process, over Azurite); the body is generated as it
/// is sent, so the benchmark itself holds none of it. Memory is the process's resident set from /proc (VmRSS when idle,
/// VmHWM, the high-water mark, after the import). Each case starts a fresh app so that its high-water mark is its own.
/// </summary>
internal static class ImportMemoryBenchmark
{
    private const string ApiKey = "bench-import-memory-key";

    public static async Task<int> RunAsync(string root, string storage, int megabytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("importmemory reads /proc: Linux only.");
            return 2;
        }

        var dll = Path.Combine(root, "src/ResponseMonitor.App/bin/Release/net10.0/ResponseMonitor.dll");
        var log = Path.Combine(root, ".artifacts/bench-importmemory.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        long huge = (long)megabytes * 1024 * 1024;
        Console.WriteLine($"| case | body | idle RSS (MB) | peak RSS (MB) | peak ÷ idle | seconds | answer |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, contentType, parts) in Cases(huge))
        {
            var prefix = "im" + Guid.NewGuid().ToString("N")[..8];
            var environment = new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = storage,
                ["Storage__Prefix"] = prefix,
                ["Storage__AnalysisQueueName"] = "q-" + prefix,
                ["Api__Key"] = ApiKey,
                ["Hosting__Triggers"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Telemetry__ConsoleMetrics"] = "false",
                ["Monitor__Channels__0__Id"] = "ch",
                ["Monitor__Channels__0__FeedUrl"] = "http://127.0.0.1:1/feed",
                ["Monitor__Channels__0__BrandAuthorIds__0"] = "brand",
            };
            await using var app = new Stress.AppProcess(dll, environment, log);
            app.Start();
            await app.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.Add("x-api-key", ApiKey);

            // Warm the import path (JIT, storage clients, tables) with the same shape at 1 MB, then let the heap settle.
            await ImportAsync(http, contentType, [.. parts.Select(p => p.Repeat > 1 ? (p.Text, 1024L * 1024) : p)]);
            await Task.Delay(2000);
            var idle = Memory(app.ProcessId!.Value, "VmRSS:");

            var clock = Stopwatch.StartNew();
            var answer = await ImportAsync(http, contentType, parts);
            clock.Stop();
            var peak = Memory(app.ProcessId!.Value, "VmHWM:");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Size(parts)} | {idle / 1024.0:F0} | {peak / 1024.0:F0} | **{(double)peak / idle:F2}** | {clock.Elapsed.TotalSeconds:F1} | {answer} |"));
        }

        return 0;
    }

    /// <summary>Each case: a few ordinary rows around one line (JSON Lines) or one field (CSV) of <paramref name="huge"/> characters.</summary>
    private static IEnumerable<(string Name, string ContentType, (string Text, long Repeat)[] Parts)> Cases(long huge)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-1).ToString("O", CultureInfo.InvariantCulture);
        string Line(string id) => new JsonObject { ["id"] = id, ["kind"] = "post", ["authorId"] = "brand", ["createdAt"] = at, ["text"] = "an ordinary post" }.ToJsonString() + "\n";
        yield return ("JSON Lines, one line with a huge text", "application/x-ndjson",
            [(Line("before"), 1), ($"{{\"id\":\"huge\",\"kind\":\"post\",\"authorId\":\"brand\",\"createdAt\":\"{at}\",\"text\":\"", 1), ("w", huge), ("\"}\n", 1), (Line("after"), 1)]);
        yield return ("JSON Lines, one line long outside its strings", "application/x-ndjson",
            [(Line("before"), 1), ($"{{\"id\":\"huge\",\"kind\":\"post\",\"authorId\":\"brand\",\"createdAt\":\"{at}\",\"n\":[", 1), ("1,", huge / 2), ("1]}\n", 1), (Line("after"), 1)]);
        yield return ("CSV, one huge field", "text/csv",
            [("id,kind,authorId,createdAt,text\n", 1), ($"before,post,brand,{at},ordinary\n", 1), ($"huge,post,brand,{at},\"", 1), ("q", huge), ("\"\n", 1), ($"after,post,brand,{at},ordinary\n", 1)]);
    }

    private static string Size((string Text, long Repeat)[] parts) =>
        string.Create(CultureInfo.InvariantCulture, $"{parts.Sum(p => (double)Encoding.UTF8.GetByteCount(p.Text) * p.Repeat) / (1024 * 1024):F0} MB");

    private static async Task<string> ImportAsync(HttpClient http, string contentType, (string Text, long Repeat)[] parts)
    {
        using var content = new GeneratedContent(parts);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await http.PostAsync("/api/import/ch", content);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"{(int)response.StatusCode}";
        }

        var json = JsonNode.Parse(body)!;
        return $"{json["imported"]} stored, {json["skipped"]} reported";
    }

    /// <summary>kB of the given /proc/{pid}/status line.</summary>
    private static long Memory(int pid, string field) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>A body written as it is sent, from literal parts and runs of one string.</summary>
    private sealed class GeneratedContent((string Text, long Repeat)[] parts) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            foreach (var (text, repeat) in parts)
            {
                var unit = Encoding.UTF8.GetBytes(text);
                if (repeat == 1)
                {
                    await stream.WriteAsync(unit);
                    continue;
                }

                // A run: fill a chunk with whole units and send it until the run is done.
                var perChunk = chunk.Length / unit.Length;
                for (var i = 0; i < perChunk; i++)
                {
                    unit.CopyTo(chunk, i * unit.Length);
                }

                for (var left = repeat; left > 0;)
                {
                    var units = (int)Math.Min(perChunk, left);
                    await stream.WriteAsync(chunk.AsMemory(0, units * unit.Length));
                    left -= units;
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = parts.Sum(p => (long)Encoding.UTF8.GetByteCount(p.Text) * p.Repeat);
            return true;
        }
    }
}
