namespace DocumentApi.Benchmarks;

/// <summary>Parts 3 (HTTP), 4, 5 and 6: everything that needs Azurite and the server process.</summary>
public static class StorageBenchmarks
{
    public static Task RunAsync(
        BenchmarkReport report, BenchmarkOptions options, IReadOnlyList<Article> articles, IReadOnlyList<BenchQuery> queries,
        CancellationToken cancellationToken)
    {
        _ = (options, articles, queries, cancellationToken);
        report.Notes.Add("Storage and server phases not run yet.");
        return Task.CompletedTask;
    }
}
