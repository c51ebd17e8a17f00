using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ResponseMonitor.Bench.Stress;

/// <summary>
/// Generic feeds (docs/GENERIC_FEED.md) for N channels that grow while the run lasts: each channel has one brand post
/// and gains comments, every third one a complaint, every fourth answered by the brand. <c>since</c> and
/// <c>pageToken</c> behave as the spec says (50 a page, oldest first). With faults on, a share of answers are a 429,
/// a 5xx, slow, cut short or mistyped, chosen at random with a fixed seed.
/// </summary>
internal sealed class StressFeed : IAsyncDisposable
{
    public const string Complaint = "Still waiting for my refund, terrible service!";
    private const int PageSize = 50;
    private readonly Lock _gate = new();
    private readonly List<JsonObject>[] _items;
    private readonly Random _random = new(20261127);
    private readonly WebApplication _app;
    private int _next;

    private StressFeed(int channels, WebApplication app)
    {
        _app = app;
        var t0 = DateTimeOffset.UtcNow.AddHours(-1);
        _items = Enumerable.Range(0, channels).Select(c => new List<JsonObject> { Item($"ch{c}-p", null, "brand", t0, "Our new range is out") }).ToArray();
    }

    /// <summary>Share of answers that are faulty, 0 to 1.</summary>
    public double FaultRate { get; set; }

    public Dictionary<string, int> Faults { get; } = [];

    public Uri BaseAddress => new(_app.Urls.First());

    public int Channels => _items.Length;

    public static async Task<StressFeed> StartAsync(int channels)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var feed = new StressFeed(channels, app);
        app.MapGet("/feed/{channel:int}", (HttpContext context, int channel, string? since, string? pageToken) => feed.ServeAsync(context, channel, since, pageToken));
        await app.StartAsync();
        return feed;
    }

    /// <summary>Adds one comment to every channel; returns the ids added.</summary>
    public IReadOnlyList<string> Grow()
    {
        var added = new List<string>();
        lock (_gate)
        {
            var n = _next++;
            var now = DateTimeOffset.UtcNow;
            for (var c = 0; c < _items.Length; c++)
            {
                var id = $"ch{c}-c{n}";
                _items[c].Add(Item(id, $"ch{c}-p", $"u{n % 97}", now, n % 3 == 0 ? Complaint : $"Question {n}: when do you open?"));
                added.Add(id);
                if (n % 4 == 1)
                {
                    _items[c].Add(Item($"ch{c}-r{n}", id, "brand", now.AddMilliseconds(1), "Thanks, we are on it"));
                    added.Add($"ch{c}-r{n}");
                }
            }
        }

        return added;
    }

    /// <summary>Every item id the feed has served or will serve, per channel.</summary>
    public IReadOnlyList<IReadOnlySet<string>> Ids()
    {
        lock (_gate)
        {
            return _items.Select(list => (IReadOnlySet<string>)list.Select(i => i["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal)).ToList();
        }
    }

    private async Task ServeAsync(HttpContext context, int channel, string? since, string? pageToken)
    {
        string? fault = null;
        lock (_gate)
        {
            if (FaultRate > 0 && _random.NextDouble() < FaultRate)
            {
                fault = new[] { "429", "500", "503", "slow", "truncated", "mistyped" }[_random.Next(6)];
                Faults[fault] = Faults.GetValueOrDefault(fault) + 1;
            }
        }

        switch (fault)
        {
            case "429":
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return;
            case "500" or "503":
                context.Response.StatusCode = int.Parse(fault, CultureInfo.InvariantCulture);
                return;
            case "slow":
                await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted);
                break;
        }

        List<JsonObject> page;
        string? next;
        lock (_gate)
        {
            var from = string.IsNullOrEmpty(since) ? DateTimeOffset.MinValue : DateTimeOffset.Parse(since, CultureInfo.InvariantCulture);
            var matching = _items[channel].Where(i => DateTimeOffset.Parse(i["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture) >= from).ToList();
            var offset = string.IsNullOrEmpty(pageToken) ? 0 : int.Parse(pageToken, CultureInfo.InvariantCulture);
            page = matching.Skip(offset).Take(PageSize).Select(i => (JsonObject)i.DeepClone()).ToList();
            next = offset + PageSize < matching.Count ? (offset + PageSize).ToString(CultureInfo.InvariantCulture) : null;
        }

        if (fault == "mistyped" && page.Count > 0)
        {
            page[0]["createdAt"] = 12345;
        }

        var json = new JsonObject { ["items"] = new JsonArray([.. page]), ["nextPageToken"] = next }.ToJsonString();
        if (fault == "truncated")
        {
            json = json[..(json.Length / 2)];
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    private static JsonObject Item(string id, string? parent, string author, DateTimeOffset at, string text) => new()
    {
        ["id"] = id,
        ["parentId"] = parent,
        ["kind"] = parent is null ? "post" : "comment",
        ["authorId"] = author,
        ["authorName"] = "Name " + author,
        ["createdAt"] = at.ToString("O", CultureInfo.InvariantCulture),
        ["text"] = text,
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
