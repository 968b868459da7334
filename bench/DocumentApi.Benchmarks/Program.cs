using System.Diagnostics;
using System.Globalization;
using DocumentApi.Benchmarks;

// The benchmark: see docs/performance.md. Phases run in order; each heavy storage phase gets a fresh Azurite.
if (args.Length > 0 && args[0] == ChildProcess.IndexBuildSwitch)
{
    return ChildProcess.RunChild(args);
}

var options = BenchmarkOptions.Parse(args);
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var cancellationToken = cancellation.Token;

var clock = Stopwatch.StartNew();
Console.WriteLine($"Loading corpus from {options.CorpusFolder}{(options.Quick ? " (quick: every 15th article)" : "")}");
var articles = Corpus.Load(options.CorpusFolder, options.Quick);
var report = new BenchmarkReport
{
    StartedAt = DateTimeOffset.UtcNow,
    Machine = MachineInfo.Current(),
    Mode = options.Quick ? "quick" : "full",
    Articles = articles.Count,
    Repetitions = options.Repetitions,
};
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{articles.Count:N0} articles loaded in {clock.Elapsed.TotalSeconds:F1} s"));

var queries = QueryGenerator.Generate(articles, options.Seed);
Console.WriteLine($"{queries.Count} queries (seed {options.Seed}): {QueryGenerator.Describe(queries)}");
report.Details["queries"] = queries;

if (options.Runs("parse"))
{
    InProcessBenchmarks.Parse(report, articles, options.Repetitions);
}

if (options.Runs("index"))
{
    await InProcessBenchmarks.MeasureIndexBuildsAsync(report, options, cancellationToken);
}

if (options.Runs("search") || options.Runs("quality"))
{
    var (product, stock) = InProcessBenchmarks.BuildIndexes(articles);
    using (product)
    using (stock)
    {
        if (options.Runs("search"))
        {
            InProcessBenchmarks.Search(report, product, stock, queries, Math.Max(5, options.Repetitions));
        }

        if (options.Runs("quality"))
        {
            InProcessBenchmarks.Quality(report, product, stock, queries);
        }
    }
}

await StorageBenchmarks.RunAsync(report, options, articles, queries, cancellationToken);

Targets.Evaluate(report);
report.TotalSeconds = clock.Elapsed.TotalSeconds;
await report.WriteJsonAsync(options.OutputPath, cancellationToken);
var markdown = report.ToMarkdown();
await File.WriteAllTextAsync(Path.ChangeExtension(options.OutputPath, ".md"), markdown, cancellationToken);
Console.WriteLine();
Console.WriteLine(markdown);
Console.WriteLine($"Wrote {options.OutputPath}");
return 0;
