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
/// Stands in for Event Grid: compares the container with the tables every interval and repairs differences. Listing a
/// big container costs storage in proportion to its size (Azurite serves 10,000 blobs in about a second of its only
/// core), so the whole container is listed no more often than keeps listing under <c>MaxListingShare</c> of the time;
/// in between, the folders where it ingested something in the last <see cref="HotFolderLifetime"/> are listed every
/// interval, since uploads tend to arrive in a few folders at a time.
/// </summary>
internal sealed partial class ReconcilePoller(
    IReconciler reconciler, SearchIndexSynchronizer synchronizer, IOptions<LocalServerOptions> options, ILogger<ReconcilePoller> logger)
    : BackgroundService
{
    /// <summary>Folders listed between whole-container rounds, at most.</summary>
    internal const int MaxHotFolders = 4;

    /// <summary>How long a folder stays hot after a blob in it changed.</summary>
    internal static readonly TimeSpan HotFolderLifetime = TimeSpan.FromSeconds(15);

    private readonly Dictionary<string, DateTimeOffset> _hotFolders = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Loading the search index comes first: a backlog of uploads waiting at start-up would otherwise compete with
        // the snapshot download for the same storage, and the first search would wait for both.
        await synchronizer.Ready.WaitAsync(stoppingToken);

        var settings = options.Value;
        var nextDeep = DateTimeOffset.UtcNow + settings.DeepReconcileInterval;
        long? lastWhole = null;
        var wholePeriod = TimeSpan.Zero;
        var lastWasWhole = false;
        var period = settings.ReconcileInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            var wholeDue = lastWhole is not { } last || Stopwatch.GetElapsedTime(last) >= wholePeriod;

            // While a backlog keeps whole-container rounds busy, every other round lists only the hot folders, so a new
            // upload there is found within seconds rather than after the backlog.
            var whole = wholeDue && !(lastWasWhole && _hotFolders.Count > 0);
            try
            {
                if (whole)
                {
                    // Incremental rounds (the listing against what was seen last; the first one compares with the
                    // tables) catch uploads, overwrites and deletes; a periodic deep round also checks every row.
                    var deep = DateTimeOffset.UtcNow >= nextDeep;
                    lastWhole = started;
                    var report = await reconciler.ReconcileAsync(deep ? ReconcileMode.Deep : ReconcileMode.Incremental, stoppingToken);
                    wholePeriod = PeriodFor(report);
                    NoteChanges(report);
                    if (deep)
                    {
                        nextDeep = DateTimeOffset.UtcNow + settings.DeepReconcileInterval;
                    }
                }
                else if (_hotFolders.Count > 0)
                {
                    var report = await reconciler.ReconcileFoldersAsync([.. _hotFolders.Keys], stoppingToken);
                    NoteChanges(report);

                    // Big folders cost like a small container: the same share applies.
                    period = PeriodFor(report);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage hiccups must not stop the watcher; the next round repairs whatever this one missed.
                LogFailed(logger, ex);
            }

            lastWasWhole = whole;
            var wait = (whole ? settings.ReconcileInterval : period) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stoppingToken);
            }
        }
    }

    /// <summary>The time from one round's start to the next that keeps its listing within the share.</summary>
    private TimeSpan PeriodFor(ReconcileReport report) => TimeSpan.FromTicks(Math.Max(
        options.Value.ReconcileInterval.Ticks, (long)(report.ListingTime.Ticks / options.Value.MaxListingShare)));

    /// <summary>Makes the folders of what a round ingested hot, and forgets folders quiet for a while.</summary>
    internal void NoteChanges(ReconcileReport report)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var result in report.Ingested)
        {
            var slash = result.BlobName.LastIndexOf('/');
            if (slash > 0)
            {
                _hotFolders[result.BlobName[..(slash + 1)]] = now;
            }
        }

        foreach (var (folder, _) in _hotFolders
            .OrderByDescending(f => f.Value)
            .Where((f, rank) => rank >= MaxHotFolders || now - f.Value > HotFolderLifetime)
            .ToList())
        {
            _hotFolders.Remove(folder);
        }
    }

    internal IReadOnlyCollection<string> HotFolders => _hotFolders.Keys;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling the container with the tables failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
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
