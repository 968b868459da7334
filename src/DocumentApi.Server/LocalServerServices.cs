using System.Diagnostics;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DocumentApi.Azurite;
using DocumentApi.Http;
using DocumentApi.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace DocumentApi.Server;

internal static class LocalServerServiceCollectionExtensions
{
    /// <summary>
    /// What Azure does for the Functions app, done in-process: seed an empty container, reconcile every second in
    /// place of Event Grid, rewrite the search snapshot in place of the timer function, and say where to call.
    /// </summary>
    public static IServiceCollection AddLocalServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LocalServerOptions>()
            .Bind(configuration.GetSection(LocalServerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<SeedUploader>();
        services.AddHostedService<ReconcilePoller>();
        services.AddHostedService<SnapshotWriter>();
        services.AddHostedService<StartupBanner>();
        return services;
    }
}

/// <summary>Uploads the repository's seed documents when the container is empty, so a first run has something to show.</summary>
internal sealed partial class SeedUploader(
    StorageClients clients, IOptions<LocalServerOptions> options, IHostEnvironment environment, ILogger<SeedUploader> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.UploadSeedsWhenEmpty)
        {
            return;
        }

        try
        {
            await UploadSeedsIfEmptyAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Seeds are a convenience: without storage the server still starts and its health says why.
            LogSeedingFailed(logger, ex);
        }
    }

    private async Task UploadSeedsIfEmptyAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in clients.Documents.GetBlobsAsync(new GetBlobsOptions(), cancellationToken))
        {
            return;
        }

        var folder = ResolveSeeds(options.Value.SeedsPath, environment.ContentRootPath);
        if (folder is null)
        {
            LogNoSeeds(logger, options.Value.SeedsPath);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            await clients.Documents.GetBlobClient(Path.GetFileName(file)).UploadAsync(
                stream,
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(file) } },
                cancellationToken);
            LogUploaded(logger, Path.GetFileName(file));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string? ResolveSeeds(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path))
        {
            return Directory.Exists(path) ? path : null;
        }

        try
        {
            var candidate = Path.Combine(AzuriteInstaller.FindRepositoryRoot(contentRoot), path);
            return Directory.Exists(candidate) ? candidate : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string ContentTypeOf(string file) =>
        Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? "application/json"
            : "text/plain; charset=utf-8";

    [LoggerMessage(Level = LogLevel.Information, Message = "Uploaded seed document {BlobName}")]
    private static partial void LogUploaded(ILogger logger, string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not upload the seed documents")]
    private static partial void LogSeedingFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No seed folder at {SeedsPath}; starting with an empty container")]
    private static partial void LogNoSeeds(ILogger logger, string seedsPath);
}

/// <summary>
/// Stands in for Event Grid with a <see cref="ContainerWatcher"/>: two loops find changes by listing (the whole
/// container, and its hot folders), another ingests them as they are found, a fourth runs the deep reconciliation now
/// and then. Listing costs storage in proportion to what is listed (Azurite serves 10,000 blobs in about a second of its
/// only core). The hot folders, where uploads keep arriving, are few and listed every interval; the whole container,
/// which finds uploads anywhere else, only as often as keeps it under half of <c>MaxListingShare</c> of the time, or of
/// a tenth while a backlog is being ingested.
/// </summary>
internal sealed partial class ReconcilePoller(
    ContainerWatcher watcher, IReconciler reconciler, SearchIndexSynchronizer synchronizer, IOptions<LocalServerOptions> options, ILogger<ReconcilePoller> logger)
    : BackgroundService
{
    /// <summary>
    /// Folders listed between whole-container listings, at most; while a backlog is ingested, only the first. On Azurite
    /// even a small folder costs a scan of every blob's name: 25–35 ms for a folder of 200–300 blobs among 31,000, when
    /// the whole container takes 3.3 s. Every listing taken from a busy Azurite is taken from ingestion.
    /// </summary>
    internal const int MaxHotFolders = 2;

    /// <summary>
    /// Blobs the folder loop lists per interval before it slows down: on Azurite about a tenth of a second of its core.
    /// </summary>
    internal const int HotFolderBlobsPerInterval = 1000;

    /// <summary>
    /// How long a folder stays a candidate after the last whole scan that scored it: articles tend to arrive in today's
    /// folder minutes apart, and listing a few folders every second costs little.
    /// </summary>
    internal static readonly TimeSpan HotFolderLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A folder's score counts the whole scans after which a new upload had been found there, each worth half as much
    /// after this long: where uploads kept arriving over the last minutes scores higher than where a listing once found
    /// part of a backlog.
    /// </summary>
    internal static readonly TimeSpan ScoreHalfLife = TimeSpan.FromMinutes(1);

    /// <summary>Folders whose score is kept, at most; the hot ones are the best of them.</summary>
    internal const int MaxCandidateFolders = 256;

    /// <summary>
    /// The listing share while ingestion has a backlog: listing then competes with ingestion for the same storage, a
    /// whole listing would mostly find what the queue already holds, and only the hottest folder is worth watching.
    /// </summary>
    internal const double BacklogListingShare = 0.1;

    /// <summary>Guards the folder bookkeeping below: the two scan loops both note changes.</summary>
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Candidate> _candidates = new(StringComparer.Ordinal);

    /// <summary>Folders where a scan found an upload since the last whole scan, with the newest such upload.</summary>
    private readonly Dictionary<string, DateTimeOffset> _newsSinceWholeScan = new(StringComparer.Ordinal);
    private string[] _hotFolders = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Loading the search index comes first: a backlog of uploads waiting at start-up would otherwise compete with
        // the snapshot download for the same storage, and the first search would wait for both.
        await synchronizer.Ready.WaitAsync(stoppingToken);
        await Task.WhenAll(ScanWholeAsync(stoppingToken), ScanFoldersAsync(stoppingToken), IngestAsync(stoppingToken), ReconcileDeepAsync(stoppingToken));
    }

    private async Task ScanWholeAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        long? lastWhole = null;
        var lastListing = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            // The share is looked at every interval: once a backlog is gone, listing may come round more often again.
            if (lastWhole is not { } last || Stopwatch.GetElapsedTime(last) >= PeriodFor(lastListing, WholeShare()))
            {
                lastWhole = Stopwatch.GetTimestamp();
                try
                {
                    var report = await watcher.ScanAsync(stoppingToken);
                    lastListing = report.ListingTime;
                    NoteChanges(report, DateTimeOffset.UtcNow, whole: true);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Storage hiccups must not stop the watcher; the next scan finds whatever this one missed.
                    LogScanFailed(logger, ex);
                }
            }

            await Task.Delay(settings.ReconcileInterval, stoppingToken);
        }
    }

    private async Task ScanFoldersAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            var period = settings.ReconcileInterval;
            var backlog = watcher.Backlog > 0;
            var hot = HotFolders;
            if (hot.Count > 0)
            {
                try
                {
                    var report = await watcher.ScanFoldersAsync(backlog ? [hot[0]] : hot, stoppingToken);
                    NoteChanges(report, DateTimeOffset.UtcNow, whole: false);

                    // Two small folders cost storage little; a big one (a flat container, say) as much as a whole
                    // listing. The cost is judged by the blobs listed, not the time taken: a folder listing that waited
                    // behind a whole listing must not hold back the next one.
                    period = settings.ReconcileInterval * Math.Max(1, report.Blobs / HotFolderBlobsPerInterval);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogScanFailed(logger, ex);
                }
            }

            var wait = period - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stoppingToken);
            }
        }
    }

    private async Task IngestAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await watcher.WhenQueuedAsync(stoppingToken);
                var results = await watcher.DrainAsync(stoppingToken);
                LogDrained(logger, results.Length);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogIngestFailed(logger, ex);
                await Task.Delay(options.Value.ReconcileInterval, stoppingToken);
            }
        }
    }

    /// <summary>Now and then every row is checked too, repairing rows changed behind the service's back.</summary>
    private async Task ReconcileDeepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DeepReconcileInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await reconciler.ReconcileAsync(ReconcileMode.Deep, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDeepFailed(logger, ex);
            }
        }
    }

    /// <summary>
    /// The whole loop's share of the time for listing: half of <c>MaxListingShare</c>, or of
    /// <see cref="BacklogListingShare"/> while ingestion has a backlog; the folder loop's listings are small and take
    /// about as much again.
    /// </summary>
    private double WholeShare() =>
        (watcher.Backlog > 0 ? Math.Min(BacklogListingShare, options.Value.MaxListingShare) : options.Value.MaxListingShare) / 2;

    /// <summary>The time from one listing's start to the next that keeps listing within the share.</summary>
    private TimeSpan PeriodFor(TimeSpan listing, double share) =>
        TimeSpan.FromTicks(Math.Max(options.Value.ReconcileInterval.Ticks, (long)(listing.Ticks / share)));

    /// <summary>
    /// Notes the folders of the uploads a scan found. At each whole scan, every folder where some scan found an upload
    /// since the previous whole scan scores one more: once per whole scan, however often the folder was listed, so
    /// watching a folder does not raise its score by itself. Forgets folders without a new upload for a while and makes
    /// the best scores hot (ties go to the folder with the newest upload).
    /// </summary>
    internal void NoteChanges(ScanReport report, DateTimeOffset now, bool whole)
    {
        lock (_lock)
        {
            foreach (var upload in report.Queued.Where(c => c.LastModified is not null).GroupBy(c => ContainerWatcher.FolderOf(c.BlobName), StringComparer.Ordinal))
            {
                if (upload.Key.Length > 0)
                {
                    var newest = upload.Max(c => c.LastModified!.Value);
                    _newsSinceWholeScan[upload.Key] = _newsSinceWholeScan.TryGetValue(upload.Key, out var known) && known > newest ? known : newest;
                }
            }

            if (whole)
            {
                foreach (var (folder, newest) in _newsSinceWholeScan)
                {
                    _candidates[folder] = _candidates.TryGetValue(folder, out var known)
                        ? new Candidate(known.ScoreAt(now) + 1, now, newest > known.NewestUpload ? newest : known.NewestUpload)
                        : new Candidate(1, now, newest);
                }

                _newsSinceWholeScan.Clear();
            }

            var ranked = _candidates
                .Where(c => now - c.Value.Scored <= HotFolderLifetime || _newsSinceWholeScan.ContainsKey(c.Key))
                .OrderByDescending(c => c.Value.ScoreAt(now))
                .ThenByDescending(c => c.Value.NewestUpload)
                .ToList();
            foreach (var (folder, _) in _candidates.Except(ranked.Take(MaxCandidateFolders)).ToList())
            {
                _candidates.Remove(folder);
            }

            _hotFolders = [.. ranked.Take(MaxHotFolders).Select(c => c.Key)];
        }
    }

    internal IReadOnlyList<string> HotFolders
    {
        get
        {
            lock (_lock)
            {
                return _hotFolders;
            }
        }
    }

    /// <summary>A folder's score as of <paramref name="Scored"/>, the last whole scan after an upload was found there.</summary>
    private sealed record Candidate(double Score, DateTimeOffset Scored, DateTimeOffset NewestUpload)
    {
        public double ScoreAt(DateTimeOffset now) => Score * Math.Pow(0.5, (now - Scored) / ScoreHalfLife);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scanning the container failed; retrying on the next tick")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingesting what the scans found failed; retrying")]
    private static partial void LogIngestFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The deep reconciliation failed; retrying at the next interval")]
    private static partial void LogDeepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ingested {Count} blobs the scans found")]
    private static partial void LogDrained(ILogger logger, int count);
}

/// <summary>Stands in for the timer function: rewrites the search snapshot so the next cold start is fast.</summary>
internal sealed partial class SnapshotWriter(
    SearchIndexSynchronizer synchronizer, IOptions<LocalServerOptions> options, ILogger<SnapshotWriter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SnapshotInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await synchronizer.SaveSnapshotAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the search snapshot failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>Prints the URLs the server answers on once Kestrel is listening.</summary>
internal sealed class StartupBanner(IServer server, IHostApplicationLifetime lifetime, IOptions<ApiOptions> api) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                var root = address.TrimEnd('/') + ApiRoutes.Prefix;
                Console.WriteLine($"DocumentApi is serving {root}");
                Console.WriteLine($"  GET {root}/{ApiRoutes.Health}");
                Console.WriteLine($"  GET {root}/{ApiRoutes.Documents}?top=20");
                Console.WriteLine($"  GET {root}/documents/{{id}}  and  {root}/documents/{{id}}/content");
                Console.WriteLine($"  GET {root}/{ApiRoutes.Search}?q=...");
            }

            if (!string.IsNullOrEmpty(api.Value.ApiKey))
            {
                Console.WriteLine("  (send the API key in the x-functions-key header or the code query parameter)");
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
