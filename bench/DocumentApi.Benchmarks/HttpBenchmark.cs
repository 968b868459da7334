using System.Diagnostics;
using System.Globalization;

namespace DocumentApi.Benchmarks;

/// <summary>3 (HTTP). Search over loopback against the running server: one client's latency, 8 clients' throughput.</summary>
public static class HttpBenchmark
{
    public static async Task RunAsync(
        BenchmarkReport report, ApiClient api, IReadOnlyList<BenchQuery> queries, BenchmarkOptions options,
        CancellationToken cancellationToken)
    {
        Console.WriteLine("3. Search over HTTP");
        foreach (var query in queries)
        {
            await api.SearchAsync(query.Text, 10, cancellationToken);
        }

        var p50 = new List<double>();
        var p95 = new List<double>();
        var p99 = new List<double>();
        var errors = 0;
        for (var round = 0; round < options.Repetitions; round++)
        {
            var times = new List<double>(queries.Count);
            foreach (var query in queries)
            {
                var (ms, total, _) = await api.SearchAsync(query.Text, 10, cancellationToken);
                times.Add(ms);
                errors += total < 0 ? 1 : 0;
            }

            p50.Add(Stats.Percentile(times, 50));
            p95.Add(Stats.Percentile(times, 95));
            p99.Add(Stats.Percentile(times, 99));
        }

        report.Add("search over HTTP", "one client p50", "ms", p50);
        report.Add("search over HTTP", "one client p95", "ms", p95);
        report.Add("search over HTTP", "one client p99", "ms", p99);

        const int Clients = 8;
        var duration = TimeSpan.FromSeconds(options.Quick ? 3 : 8);
        var rates = new List<double>();
        var loadedP95 = new List<double>();
        for (var round = 0; round < options.Repetitions; round++)
        {
            var completed = 0;
            var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
            var start = Stopwatch.GetTimestamp();
            var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
            {
                for (var i = client * queries.Count / Clients; Stopwatch.GetTimestamp() < end; i++)
                {
                    var (ms, total, _) = await api.SearchAsync(queries[i % queries.Count].Text, 10, cancellationToken);
                    latencies.Add(ms);
                    Interlocked.Increment(ref completed);
                    if (total < 0)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }));
            rates.Add(completed / (Stats.ElapsedMilliseconds(start) / 1000));
            loadedP95.Add(Stats.Percentile(latencies, 95));
        }

        report.Add("search over HTTP", "8 concurrent clients", "requests/s", rates,
            string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:F0} s per run"));
        report.Add("search over HTTP", "8 concurrent clients p95", "ms", loadedP95);
        if (errors > 0)
        {
            report.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"Search over HTTP: {errors} request(s) did not answer 200."));
        }
    }
}
