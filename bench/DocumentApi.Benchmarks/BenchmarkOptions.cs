using System.Globalization;

namespace DocumentApi.Benchmarks;

/// <summary>
/// Command line: <c>[--corpus DIR] [--quick] [--out FILE] [--only parse,index,search,quality,floor,ingest,http,coldstart]
/// [--repeat N] [--seed N] [--concurrency N] [--ingest-runs N] [--ingest-limit SECONDS]</c>.
/// </summary>
public sealed record BenchmarkOptions
{
    public static readonly string[] AllPhases =
        ["parse", "index", "search", "quality", "floor", "ingest", "http", "coldstart"];

    public required string RepositoryRoot { get; init; }

    public required string CorpusFolder { get; init; }

    public bool Quick { get; init; }

    public required string OutputPath { get; init; }

    public required IReadOnlySet<string> Phases { get; init; }

    public int Repetitions { get; init; } = 3;

    /// <summary>
    /// Runs of the product's ingestion over the whole corpus. One full-corpus run takes minutes (Azurite-bound), so
    /// the full run does one unless asked for more; the quick run does <see cref="Repetitions"/>.
    /// </summary>
    public int IngestRuns { get; init; } = 1;

    /// <summary>How long the benchmark waits for one ingestion run before reporting the rate reached so far.</summary>
    public TimeSpan IngestLimit { get; init; } = TimeSpan.FromMinutes(6);

    public int Seed { get; init; } = QueryGenerator.DefaultSeed;

    /// <summary>In-flight blob uploads, for the product's ingestion and the storage floor alike.</summary>
    public int Concurrency { get; init; } = 16;

    public bool Runs(string phase) => Phases.Contains(phase);

    public static BenchmarkOptions Parse(string[] args)
    {
        var root = FindRepositoryRoot();
        string? corpus = null, output = null;
        var quick = false;
        var repetitions = 3;
        var seed = QueryGenerator.DefaultSeed;
        var concurrency = 16;
        int? ingestRuns = null;
        int? ingestLimit = null;
        IReadOnlySet<string> phases = AllPhases.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--corpus": corpus = Next(); break;
                case "--quick": quick = true; break;
                case "--out": output = Next(); break;
                case "--repeat": repetitions = Math.Max(3, int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--concurrency": concurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--ingest-runs": ingestRuns = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--ingest-limit": ingestLimit = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--only":
                    phases = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .ToHashSet(StringComparer.Ordinal);
                    var unknown = phases.Except(AllPhases).ToArray();
                    if (unknown.Length > 0)
                    {
                        throw new ArgumentException($"Unknown phase(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", AllPhases)}.");
                    }

                    break;
                default: throw new ArgumentException($"Unknown argument {args[i]}.");
            }
        }

        return new BenchmarkOptions
        {
            RepositoryRoot = root,
            CorpusFolder = Path.GetFullPath(corpus ?? DefaultCorpus(root)),
            Quick = quick,
            OutputPath = Path.GetFullPath(output ?? Path.Combine(root, "bench", "results", quick ? "quick.json" : "latest.json")),
            Phases = phases,
            Repetitions = repetitions,
            Seed = seed,
            Concurrency = concurrency,
            IngestRuns = ingestRuns ?? (quick ? repetitions : 1),
            IngestLimit = TimeSpan.FromSeconds(ingestLimit ?? (quick ? 120 : 360)),
        };
    }

    /// <summary>
    /// <c>../shared/corpus/saudinewsnet</c> beside the repository; from a git worktree nested deeper, the first such
    /// folder above it.
    /// </summary>
    private static string DefaultCorpus(string root)
    {
        for (var dir = new DirectoryInfo(root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", "saudinewsnet");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(root, "..", "shared", "corpus", "saudinewsnet");
    }

    /// <summary>The folder holding Functions.sln, looked for upwards from the working directory, then from the program.</summary>
    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository (no Functions.sln found above).");
    }
}
