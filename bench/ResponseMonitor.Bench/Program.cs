using ResponseMonitor.Bench;

// Usage (see docs/PERFORMANCE.md):
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- coldstart [runs]
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- runsh [runs]   (./run.sh after a change and unchanged)
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- pollcycle [channels,channels,...]
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- pollkinds [quiet cycles]   (a quiet poll per platform kind, on the demo's emulations)
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- fanout [channels,channels,...] [channels polled by 1, 2 and 4 instances] [steady]
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- timetowarning [runs]
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- metrics [threads,threads,...]
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- sweep [items,items,...]
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- ingest [comments,comments,...] [import|push|both] [runs]
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- dashboard [stored,stored,...] [channels] [requests]
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- startup [channels,channels,...] [rounds]
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- dashboardchannels [channels,channels,...] [requests]
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- analysis [largest case also run on storage]
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- schedule [channels] [clients] [seconds] [rounds]   (poll cycles under a closed-loop read load)
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- importmemory [megabytes of the huge line, 1024]
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- detection [sweep|learned|models] [../shared/data/sentiment]
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- train-critics [../shared/data/sentiment] [--goemotions DIR --uci DIR [--cache DIR]]   (scripts/train-critics.sh)
//   dotnet run -c Release --project bench/ResponseMonitor.Bench -- stress kill|outage|faultyfeed|load|secrets (scripts/stress.sh)
// coldstart and pollcycle need storage: RESPONSEMONITOR_BENCH_STORAGE (an Azurite connection string; scripts/bench.sh starts one).
var root = AppContext.BaseDirectory;
while (!File.Exists(Path.Combine(root, "ResponseMonitor.sln")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run from the repository.");
}

if (args.FirstOrDefault() == "classify")
{
    // Explains single verdicts: classify [--language xx] "text" ...
    var hint = args.Length > 2 && args[1] == "--language" ? args[2] : null;
    // The shipped detector: the lexicon, then the language's model where one ships (docs/DETECTION.md).
    var detector = new ResponseMonitor.Domain.Critics.BuiltInCriticClassifier(new ResponseMonitor.Domain.Critics.LexiconCriticClassifier(), ResponseMonitor.Domain.Critics.Models.ShippedCriticModels.Load());
    foreach (var text in args.Skip(hint is null ? 1 : 3))
    {
        var verdict = detector.Classify(text, hint);
        Console.WriteLine($"{verdict.Language} {verdict.Label} {verdict.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)} [{string.Join(", ", verdict.Cues)}] {text}");
    }

    return 0;
}

if (args.FirstOrDefault() == "train-critics")
{
    // Rebuilds the shipped critic models from their licence-clean sets (scripts/train-critics.sh, docs/DETECTION.md).
    // With --goemotions and --uci, the candidate English head over GoEmotions instead of the shipped one (measured, not shipped).
    string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    // The one argument that is neither an option nor an option's value (args[i] precedes args[i + 1]).
    var positional = args.Skip(1).Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && !args[i].StartsWith("--", StringComparison.Ordinal)).FirstOrDefault();
    return CriticModelTraining.Run(
        root,
        positional ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "sentiment")),
        Option("--goemotions"),
        Option("--uci"),
        Option("--cache"),
        Option("--tokens"));
}

if (args.FirstOrDefault() == "detection")
{
    if (args.Contains("models"))
    {
        return ModelDetectionEvaluation.Run(args.Skip(1).FirstOrDefault(a => a != "models") ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "sentiment")));
    }

    if (args.Contains("learned"))
    {
        return LearnedDetectionEvaluation.Run(args.Skip(1).FirstOrDefault(a => a != "learned") ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "sentiment")));
    }

    var sweep = args.Contains("sweep");
    var dump = args.Contains("dump");
    var folder = args.Skip(1).FirstOrDefault(a => a is not ("sweep" or "dump")) ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "sentiment"));
    return DetectionEvaluation.Run(folder, sweep, dump);
}

if (args.FirstOrDefault() == "runsh")
{
    // ./run.sh starts its own Azurite: no storage needed.
    return await RunScriptBenchmark.RunAsync(root, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
}

if (args.FirstOrDefault() == "stress")
{
    // Starts its own Azurite, feeds, receiver and app process: see Stress/StressRun.cs and docs/RELIABILITY.md.
    return await ResponseMonitor.Bench.Stress.StressRun.RunAsync(root, args[1..]);
}

var storage = Environment.GetEnvironmentVariable("RESPONSEMONITOR_BENCH_STORAGE");
if (string.IsNullOrEmpty(storage))
{
    Console.Error.WriteLine("Set RESPONSEMONITOR_BENCH_STORAGE to a storage connection string, or run scripts/bench.sh.");
    return 2;
}

return args.FirstOrDefault() switch
{
    "coldstart" => await ColdStartBenchmark.RunAsync(root, storage, Int(1) ?? 10),
    "gc" => await GcBenchmark.RunAsync(root, storage, Int(1) ?? 20_000, Int(2) ?? 3),
    "metrics" => await MetricsBenchmark.RunAsync(storage, Ints("1000,10000")),
    "timetowarning" => await TimeToWarningBenchmark.RunAsync(storage, Int(1) ?? 10),
    "sweep" => await SweepBenchmark.RunAsync(storage, Ints("10000,50000")),
    "ingest" => await IngestBenchmark.RunAsync(storage, Ints("5000,20000"), args.Length > 2 && args[2] != "both" ? args[2] : null, Int(3)),
    "dashboard" => await DashboardBenchmark.RunAsync(storage, Ints("10000,1000000"), Int(2), Int(3)),
    "startup" => await StartupBenchmark.RunAsync(storage, Ints("100,1000,10000"), Int(2) ?? 3),
    "dashboardchannels" => await DashboardChannelsBenchmark.RunAsync(storage, Ints("100,10000"), Int(2) ?? 50),
    "analysis" => await AnalysisBenchmark.RunAsync(storage, Int(1) ?? 10_000),
    "verdicts" => await VerdictReuseBenchmark.RunAsync(storage, Int(1) ?? 1_000),
    "pollcycle" => await PollCycleBenchmark.RunAsync(storage, Ints("10,100,1000")),
    "pollkinds" => await PlatformPollBenchmark.RunAsync(storage, Int(1) ?? 10),
    "fanout" => await FanOutBenchmark.RunAsync(storage, Ints("10,1000,10000"), Int(2) ?? 1000, args.Contains("steady")),
    "schedule" => await ScheduleBenchmark.RunAsync(root, storage, Int(1) ?? 100, Int(2) ?? 200, Int(3) ?? 30, Int(4) ?? 1),
    "importmemory" => await ImportMemoryBenchmark.RunAsync(root, storage, Int(1) ?? 1024),
    _ => Usage(),
};

// The verb's number at args[index], or null for the benchmark's default.
int? Int(int index) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : null;

// The verb's comma-separated sizes (args[1]), or these.
List<int> Ints(string fallback) => (args.Length > 1 ? args[1] : fallback).Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();

static int Usage()
{
    Console.Error.WriteLine("usage: ResponseMonitor.Bench coldstart [runs] | gc [rows] [runs] | schedule [channels] [clients] [seconds] [rounds] | importmemory [megabytes] | pollcycle [n,n,...] | pollkinds [cycles] | fanout [n,n,...] [n] | ingest [n,n,...] [import|push|both] [runs] | dashboard [n,n,...] [channels] [requests] | startup [n,n,...] [rounds] | dashboardchannels [n,n,...] [requests] | analysis [n] | verdicts [n] | sweep [n,n,...] | timetowarning [runs] | metrics [n,n,...] | detection [sweep|dump|learned] [folder] | classify [--language xx] text...");
    return 2;
}
