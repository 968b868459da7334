using System.Diagnostics;
using System.Text.Json;

namespace DocumentApi.Benchmarks;

/// <summary>Runs this program again in a child process for measurements that must own a whole process.</summary>
public static class ChildProcess
{
    public const string IndexBuildSwitch = "--child-index-build";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The child's entry: build one index, print the measurement as one JSON line.</summary>
    public static int RunChild(string[] args)
    {
        var kind = args[1];
        var corpus = args[2];
        var quick = args.Length > 3 && args[3] == "--quick";
        var articles = Corpus.Load(corpus, quick);
        var measurement = InProcessBenchmarks.BuildOnce(kind, articles);

        // The corpus must stay alive through the measurement, or its collection would be subtracted from the index.
        GC.KeepAlive(articles);
        Console.WriteLine(JsonSerializer.Serialize(measurement, Json));
        return 0;
    }

    public static async Task<InProcessBenchmarks.IndexBuildMeasurement> RunIndexBuildAsync(
        BenchmarkOptions options, string kind, CancellationToken cancellationToken)
    {
        var startInfo = SelfStartInfo();
        foreach (var argument in new[] { IndexBuildSwitch, kind, options.CorpusFolder })
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (options.Quick)
        {
            startInfo.ArgumentList.Add("--quick");
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the child process.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (process.ExitCode != 0 || lines.Length == 0)
        {
            throw new InvalidOperationException($"Index build child failed ({process.ExitCode}): {await error}");
        }

        return JsonSerializer.Deserialize<InProcessBenchmarks.IndexBuildMeasurement>(lines[^1], Json)
            ?? throw new InvalidOperationException("Index build child printed nothing.");
    }

    /// <summary>This program, started the way it was started (apphost, or <c>dotnet</c> with the dll).</summary>
    private static ProcessStartInfo SelfStartInfo()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var startInfo = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            startInfo.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        return startInfo;
    }
}
