using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DocumentApi.Azurite;
using DocumentApi.Core.Documents;
using DocumentApi.Core.Parsing;

namespace DocumentApi.Benchmarks;

/// <summary>
/// Parts 3 (HTTP), 4, 5 and 6: everything that needs Azurite and the server process. Each heavy phase gets a fresh
/// Azurite, because its in-memory store never gives memory back and slows as it fills.
/// </summary>
public static class StorageBenchmarks
{
    private const string DocumentsContainer = "documents";
    private const string SystemContainer = "documentapi-system";
    private const string SnapshotBlob = "search-snapshot";

    public static async Task RunAsync(
        BenchmarkReport report, BenchmarkOptions options, IReadOnlyList<Article> articles, IReadOnlyList<BenchQuery> queries,
        CancellationToken cancellationToken)
    {
        var needsServer = options.Runs("ingest") || options.Runs("http") || options.Runs("coldstart");
        if (!options.Runs("floor") && !needsServer)
        {
            return;
        }

        // SaudiNewsNet's own format: one JSON object per blob, as a newsroom export would drop them.
        var blobs = articles.Select(a => new BenchBlob(a.BlobStem + ".json", a.ToJson(), "application/json", a)).ToArray();

        // Articles the parser refuses (an empty body) are listed as failed but never searchable.
        var parser = new DocumentParser(new ParserOptions());
        var searchable = blobs.Sum(b => parser.Parse(b.Name, b.Bytes, b.ContentType).Count(d => d.Status == DocumentStatus.Indexed));
        report.Details["ingestion.searchableDocuments"] = searchable;
        if (options.Runs("floor"))
        {
            await MeasureFloorAsync(report, options, blobs, cancellationToken);
        }

        if (needsServer)
        {
            await MeasureServerAsync(report, options, blobs, searchable, queries, cancellationToken);
        }
    }

    private static async Task MeasureFloorAsync(
        BenchmarkReport report, BenchmarkOptions options, BenchBlob[] blobs, CancellationToken cancellationToken)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"5a. Storage floor ({blobs.Length:N0} blobs, {options.Concurrency} in flight, one Azurite, a third of the corpus per run)"));
        var results = new List<StorageFloor.Result>();

        // Like the product's ingestion run, the floor puts the whole corpus into one fresh Azurite: each run adds the
        // next third. Azurite's blob and entity lookups get slower as it fills (its indexes are sorted arrays and a
        // blob lookup filters every blob of the account), so a floor that never stored more than a third would be
        // faster than the same work at the product's scale. The runs show that slope; the target uses the whole pass.
        await using var azurite = await AzuriteInstance.StartAsync(options.RepositoryRoot, cancellationToken: cancellationToken);
        var whole = Stopwatch.StartNew();
        for (var run = 0; run < options.Repetitions; run++)
        {
            var share = blobs.Where((_, i) => i % options.Repetitions == run).ToArray();
            results.Add(await StorageFloor.MeasureAsync(azurite.ConnectionString, share, options.Concurrency, run, cancellationToken));
        }

        report.Add("storage floor", "upload + read back + one entity per document, whole corpus into one store", "docs/s",
            [blobs.Length / results.Sum(r => r.FloorSeconds)]);
        report.Add("storage floor", "same, per third as the store fills", "docs/s", results.Select(r => r.FloorDocumentsPerSecond));
        report.Add("storage floor", "blob upload only", "blobs/s", results.Select(r => r.UploadOnlyPerSecond));
        report.Add("storage floor", "single entity upserts", "entities/s", results.Select(r => r.SingleUpsertsPerSecond));
        report.Add("storage floor", "100-entity batch upserts", "entities/s", results.Select(r => r.BatchedEntitiesPerSecond));
        report.Details["storage.floor.seconds"] = Math.Round(whole.Elapsed.TotalSeconds, 1);
    }

    private static async Task MeasureServerAsync(
        BenchmarkReport report, BenchmarkOptions options, BenchBlob[] blobs, int searchable, IReadOnlyList<BenchQuery> queries,
        CancellationToken cancellationToken)
    {
        var ingestRuns = options.Runs("ingest") ? options.IngestRuns : 1;
        var cpu = new List<(double Seconds, double Azurite, double Server, double Benchmark)>();
        var idleCpu = new List<(double Azurite, double Server)>();
        var probes = options.Quick ? 50 : 200;
        var ingestRates = new List<double>();
        var uploadRates = new List<double>();
        var bulk = new List<Freshness>();
        var idle = new List<Freshness>();
        for (var run = 0; run < ingestRuns; run++)
        {
            var last = run == ingestRuns - 1;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"5b. Ingestion run {run + 1}/{ingestRuns} ({blobs.Length:N0} blobs, {options.Concurrency} in flight, fresh Azurite and server)"));
            await using var azurite = await AzuriteInstance.StartAsync(options.RepositoryRoot, cancellationToken: cancellationToken);
            var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(DocumentsContainer);
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var server = ServerProcess.Start(options.RepositoryRoot, azurite.ConnectionString);
            try
            {
                await server.WaitUntilServingAsync(TimeSpan.FromSeconds(60), cancellationToken);
                using var api = new ApiClient(server.BaseUrl);
                while (await api.IndexedCountAsync(cancellationToken) is null)
                {
                    await Task.Delay(100, cancellationToken);
                }

                // 5 and 6 (under load): the bulk upload, and probes spread over the time it should take.
                using var azuriteProcess = Process.GetProcessById(azurite.ProcessId);
                var cpuBefore = (azuriteProcess.TotalProcessorTime, server.CpuTime, Process.GetCurrentProcess().TotalProcessorTime);
                var start = Stopwatch.GetTimestamp();
                var expectedSeconds = blobs.Length / 400.0;
                var freshness = new Freshness(container, api, "bulk");
                var probing = options.Runs("ingest")
                    ? freshness.RunAsync(probes, TimeSpan.FromSeconds(expectedSeconds / probes), TimeSpan.FromSeconds(120), cancellationToken)
                    : Task.CompletedTask;
                await Parallel.ForEachAsync(
                    blobs,
                    new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
                    async (blob, ct) => await container.GetBlobClient(blob.Name).UploadAsync(
                        BinaryData.FromBytes(blob.Bytes),
                        new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = blob.ContentType } },
                        ct));
                var uploadSeconds = Stats.ElapsedMilliseconds(start) / 1000;
                var progress = new List<(double Seconds, int Searchable)>();
                var (seconds, documents, finished) = await WaitUntilListedAndSearchableAsync(
                    api, blobs.Length, searchable, freshness, start, options.IngestLimit, progress, cancellationToken);
                report.Details[string.Create(CultureInfo.InvariantCulture, $"ingestion.run{run + 1}.progress")] =
                    progress.Select(p => new { seconds = p.Seconds, searchable = p.Searchable }).ToArray();
                if (!finished)
                {
                    report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"Ingestion run {run + 1} did not finish within the {options.IngestLimit.TotalMinutes:F0}-minute limit: {documents:N0} of {searchable:N0} searchable after {seconds:F0} s; its rate is the rate so far, and the phases after it ran on that partial index."));
                }

                azuriteProcess.Refresh();
                cpu.Add((seconds,
                    (azuriteProcess.TotalProcessorTime - cpuBefore.Item1).TotalSeconds,
                    (server.CpuTime - cpuBefore.Item2).TotalSeconds,
                    (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore.Item3).TotalSeconds));
                await probing;
                ingestRates.Add(documents / seconds);
                uploadRates.Add(blobs.Length / uploadSeconds);
                bulk.Add(freshness);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {documents:N0} documents listed and searchable after {seconds:F1} s (uploads took {uploadSeconds:F1} s); bulk probes found {freshness.Latencies.Count}/{freshness.Uploaded}"));

                if (options.Runs("ingest") && !finished)
                {
                    report.Notes.Add("Idle freshness was not measured: the server was still working through the bulk upload.");
                }
                else if (options.Runs("ingest"))
                {
                    // What the server's polling alone costs Azurite once everything is ingested (reconcile every second
                    // lists the container and scans the blob rows; the synchronizer polls the change log).
                    azuriteProcess.Refresh();
                    var idleBefore = (azuriteProcess.TotalProcessorTime, server.CpuTime);
                    await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                    azuriteProcess.Refresh();
                    idleCpu.Add((
                        (azuriteProcess.TotalProcessorTime - idleBefore.Item1).TotalSeconds / 5,
                        (server.CpuTime - idleBefore.Item2).TotalSeconds / 5));

                    // 6 (idle): the server has caught up; probes one every 100 ms.
                    var quiet = new Freshness(container, api, "idle");
                    await quiet.RunAsync(probes, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(60), cancellationToken);
                    idle.Add(quiet);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  idle probes found {quiet.Latencies.Count}/{quiet.Uploaded}"));
                }

                if (last && options.Runs("http"))
                {
                    await HttpBenchmark.RunAsync(report, api, queries, options, cancellationToken);
                }
            }
            finally
            {
                await server.DisposeAsync();
                var log = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"documentapi-bench-server-run{run + 1}.log"));
                await File.WriteAllTextAsync(log, server.Output, cancellationToken);
                report.Details[string.Create(CultureInfo.InvariantCulture, $"ingestion.run{run + 1}.serverLog")] = log;
            }

            if (last && options.Runs("coldstart"))
            {
                await MeasureColdStartAsync(report, options, azurite, queries, cancellationToken);
            }
        }

        if (options.Runs("ingest"))
        {
            report.Add("ingestion", "product: uploaded until all listed and searchable", "docs/s", ingestRates);
            report.Add("ingestion", "benchmark's upload rate meanwhile", "blobs/s", uploadRates);
            report.Add("ingestion", "Azurite CPU while ingesting", "% of one core", cpu.Select(c => 100 * c.Azurite / c.Seconds));
            report.Add("ingestion", "server CPU while ingesting", "% of one core", cpu.Select(c => 100 * c.Server / c.Seconds));
            report.Add("ingestion", "benchmark CPU while ingesting (uploads, probes, polling)", "% of one core", cpu.Select(c => 100 * c.Benchmark / c.Seconds));
            report.Add("ingestion", "Azurite CPU in the 5 s after the last document (server polling only)", "% of one core", idleCpu.Select(c => 100 * c.Azurite));
            report.Add("ingestion", "server CPU in the 5 s after the last document (index merges settling, polling)", "% of one core", idleCpu.Select(c => 100 * c.Server));
            AddFreshness(report, "idle", idle);
            AddFreshness(report, "under bulk ingestion", bulk);
        }
    }

    /// <summary>Waits until the index counts every document, then confirms the listing does too; returns seconds since start.</summary>
    private static async Task<(double Seconds, int Documents, bool Finished)> WaitUntilListedAndSearchableAsync(
        ApiClient api, int bulkCount, int searchable, Freshness probes, long start, TimeSpan limit,
        List<(double Seconds, int Searchable)> progress, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        int? indexed = null;
        while (deadline.Elapsed < limit)
        {
            indexed = await api.IndexedCountAsync(cancellationToken);
            if (indexed >= searchable + probes.Uploaded
                && await api.ListedCountAsync(cancellationToken) >= bulkCount + probes.Uploaded)
            {
                return (Stats.ElapsedMilliseconds(start) / 1000, bulkCount + probes.Uploaded, true);
            }

            if (deadline.Elapsed - lastReport > TimeSpan.FromSeconds(10))
            {
                lastReport = deadline.Elapsed;
                progress.Add((Math.Round(Stats.ElapsedMilliseconds(start) / 1000, 1), indexed ?? 0));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  … {deadline.Elapsed.TotalSeconds:F0} s: {indexed} of {searchable + probes.Uploaded} searchable"));
            }

            await Task.Delay(250, cancellationToken);
        }

        // Out of time: the rate so far is what this run can report (and the report says it did not finish).
        return (Stats.ElapsedMilliseconds(start) / 1000, indexed ?? 0, false);
    }

    private static void AddFreshness(BenchmarkReport report, string label, List<Freshness> runs)
    {
        report.Add("freshness", $"{label} p50", "ms", runs.Select(r => Stats.Percentile(r.Latencies, 50)));
        report.Add("freshness", $"{label} p95", "ms", runs.Select(r => Stats.Percentile(r.Latencies, 95)));
        report.Add("freshness", $"{label} max", "ms", runs.Select(r => r.Latencies.Count == 0 ? double.NaN : r.Latencies.Max()));
        var missing = runs.Sum(r => r.Missing);
        if (missing > 0)
        {
            report.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"Freshness {label}: {missing} probe(s) never became searchable within the timeout; they count with the time waited (a lower bound)."));
        }

        report.Details[$"freshness.{label}.probes"] = runs.Select(r => new { uploaded = r.Uploaded, found = r.Latencies.Count }).ToArray();

        // Which probes were slow, and when in the run: the percentiles alone do not say why.
        report.Details[$"freshness.{label}.lastRun"] = runs.Count == 0 ? [] : runs[^1].Timings;
    }

    /// <summary>4. A fresh server process over an Azurite that already holds a snapshot: process start to first result.</summary>
    private static async Task MeasureColdStartAsync(
        BenchmarkReport report, BenchmarkOptions options, AzuriteInstance azurite, IReadOnlyList<BenchQuery> queries,
        CancellationToken cancellationToken)
    {
        Console.WriteLine("4. Cold start");
        var probe = queries.First(q => q.Category == "word-frequent").Text;
        var snapshot = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(SystemContainer).GetBlobClient(SnapshotBlob);

        // A server that rebuilds from the tables (unless the ingestion server already wrote a snapshot: it does every
        // 5 minutes) and writes a snapshot 5 s after it starts. The runs below start from that one: a snapshot the
        // ingestion server wrote minutes before it stopped would leave them the rest of the change log to replay.
        var hadSnapshot = await HasSnapshotAsync(snapshot, DateTimeOffset.MinValue, cancellationToken);
        var restartedAt = DateTimeOffset.UtcNow;
        var rebuild = ServerProcess.Start(options.RepositoryRoot, azurite.ConnectionString, new Dictionary<string, string>
        {
            ["LocalServer__SnapshotInterval"] = "00:00:05",
        });
        try
        {
            await rebuild.WaitUntilServingAsync(TimeSpan.FromSeconds(60), cancellationToken);
            using var api = new ApiClient(rebuild.BaseUrl);
            while (!await api.HasResultAsync(probe, cancellationToken))
            {
                await Task.Delay(20, cancellationToken);
            }

            report.Add("cold start", hadSnapshot
                    ? "first restart, loading the ingestion server's own snapshot"
                    : "without a snapshot: process start to first result (rebuild from tables)", "ms",
                [Stats.ElapsedMilliseconds(rebuild.StartedTimestamp)], "1 run");
            var deadline = Stopwatch.StartNew();
            while (!await HasSnapshotAsync(snapshot, restartedAt, cancellationToken))
            {
                if (deadline.Elapsed > TimeSpan.FromMinutes(3))
                {
                    throw new TimeoutException("No search snapshot was written within 3 minutes.");
                }

                await Task.Delay(250, cancellationToken);
            }
        }
        finally
        {
            await rebuild.DisposeAsync();
        }

        var size = (await snapshot.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentLength;
        var times = new List<double>();
        var ready = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var server = ServerProcess.Start(options.RepositoryRoot, azurite.ConnectionString);
            try
            {
                using var api = new ApiClient(server.BaseUrl);
                while (!await api.HasResultAsync(probe, cancellationToken))
                {
                    await Task.Delay(10, cancellationToken);
                }

                times.Add(Stats.ElapsedMilliseconds(server.StartedTimestamp));
                if (server.Serving.IsCompletedSuccessfully)
                {
                    ready.Add(times[^1]);
                }
            }
            finally
            {
                await server.DisposeAsync();
            }
        }

        report.Add("cold start", "process start to first search result", "ms", times,
            string.Create(CultureInfo.InvariantCulture, $"5 runs, snapshot {size / 1_000_000.0:F1} MB"));
    }

    /// <summary>Whether a snapshot written after <paramref name="since"/> (to the second, as storage keeps it) exists.</summary>
    private static async Task<bool> HasSnapshotAsync(BlobClient snapshot, DateTimeOffset since, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await snapshot.GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.Metadata.ContainsKey("cursor")
                && properties.Value.LastModified > since.AddTicks(-(since.Ticks % TimeSpan.TicksPerSecond));
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
