using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DocumentApi.Core.Documents;
using DocumentApi.Search;
using DocumentApi.Storage.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocumentApi.Storage;

public sealed class SearchIndexSyncOptions : IValidatableObject
{
    public const string SectionName = "SearchIndexSync";

    /// <summary>How often the change log is polled. An ingested document is searchable within about this plus the read.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How far behind its cursor a poll reads again. Entries are keyed by their writer's clock just before the write, so
    /// a slow request (or a skewed clock) can commit an entry older than ones already read; the overlap catches it, and
    /// duplicates are skipped. Every poll re-reads this much of the log, so it is not made larger than needed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan OverlapWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often a poll re-reads the whole overlap window; other polls read only what follows the cursor, so a late
    /// entry waits at most this long, and a busy change log is not read again on every poll.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan OverlapRereadInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Change-log entries older than the snapshot's cursor minus this are pruned when a snapshot is saved.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ChangeLogRetention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The snapshot blob, in the system container.</summary>
    [Required]
    public string SnapshotBlobName { get; set; } = "search-snapshot";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ChangeLogRetention <= OverlapWindow)
        {
            yield return new ValidationResult("ChangeLogRetention must be longer than OverlapWindow.", [nameof(ChangeLogRetention)]);
        }
    }
}

/// <summary>What <see cref="SearchIndexSynchronizer.SaveSnapshotAsync"/> did.</summary>
public sealed record SnapshotResult(bool Written, string Cursor, int PrunedEntries);

/// <summary>
/// Keeps this instance's in-memory <see cref="ISearchIndex"/> equal to the tables. Start-up loads the latest snapshot
/// and replays the change log after its cursor (or rebuilds from the tables when there is no snapshot); then the change
/// log is polled. Each change re-reads the document's current state, so duplicate and out-of-order entries are harmless.
/// </summary>
public sealed class SearchIndexSynchronizer : BackgroundService, ICommitObserver
{
    private const string CursorMetadata = "cursor";

    /// <summary>Change-log entries applied per poll at most.</summary>
    private const int MaxEntriesPerPoll = 500;

    /// <summary>Blobs whose changed documents are read at once while applying the change log.</summary>
    private const int ApplyParallelism = 8;

    /// <summary>Changed documents of one blob up to which point reads beat one partition query.</summary>
    private const int PointReadLimit = 8;

    /// <summary>Partitions are spread over this many stripes, each applied to the index by one writer at a time.</summary>
    private const int Stripes = 1024;

    /// <summary>How long documents committed by this process wait for the index refresh that makes them searchable.</summary>
    private static readonly TimeSpan CommitRefreshDelay = TimeSpan.FromMilliseconds(100);

    private readonly StorageClients _clients;
    private readonly ChangeLog _changeLog;
    private readonly ISearchIndex _index;
    private readonly SearchIndexSyncOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SearchIndexSynchronizer> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Keys already applied within the overlap window, so re-read entries are not applied twice.</summary>
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>
    /// Change-log keys whose documents this process committed and applied itself (see <see cref="ICommitObserver"/>),
    /// so the entry is not read back when it comes round.
    /// </summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _appliedLocally = new(StringComparer.Ordinal);

    /// <summary>
    /// Per stripe of partitions: one applier at a time (a read of the tables and its application are one step), and a
    /// count of applications, so a commit observed here is applied only if nothing was applied to its partition since
    /// before the commit (which could be a newer version committed elsewhere).
    /// </summary>
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly long[] _applications = new long[Stripes];
    private int _refreshPending;
    private long _documentsReadBack;
    private string? _cursor;
    private DateTimeOffset _lastOverlapRead;
    private long _lastSyncedTicks;

    public SearchIndexSynchronizer(
        StorageClients clients,
        ChangeLog changeLog,
        ISearchIndex index,
        IOptions<SearchIndexSyncOptions> options,
        TimeProvider time,
        ILogger<SearchIndexSynchronizer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _changeLog = changeLog;
        _index = index;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Documents read from the tables to apply change-log entries (not counting start-up), for tests.</summary>
    internal long DocumentsReadBack => Interlocked.Read(ref _documentsReadBack);

    /// <summary>Completes when the index has been loaded or rebuilt at start-up.</summary>
    public Task Ready => _ready.Task;

    /// <summary>The key of the newest change-log entry applied (or the rebuild's start), null before start-up.</summary>
    public string? Cursor => _cursor;

    /// <summary>When the index last finished reading the change log; null before the first read.</summary>
    public DateTimeOffset? LastSyncedAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastSyncedTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    private BlobClient SnapshotBlob => _clients.System.GetBlobClient(_options.SnapshotBlobName);

    /// <summary>Loads the snapshot and replays the change log after it, or rebuilds from the tables.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!await TryLoadSnapshotAsync(cancellationToken).ConfigureAwait(false))
            {
                await RebuildAsync(cancellationToken).ConfigureAwait(false);
            }

            _seen.Clear();
        }
        finally
        {
            _gate.Release();
        }

        await SyncOnceAsync(cancellationToken).ConfigureAwait(false);
        _ready.TrySetResult();
    }

    /// <summary>Reads the change log once and applies what is new; returns the number of entries applied.</summary>
    public async Task<int> SyncOnceAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await SyncOnceCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsTransient(ex))
        {
            throw StorageErrors.Transient("reading the change log", ex);
        }
    }

    private async Task<int> SyncOnceCoreAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Entries are keyed by their writer's clock, so one committed late can sort before the cursor. Re-reading the
            // overlap window catches it, but re-reads every entry of the window: done every few seconds, not every poll.
            var now = _time.GetUtcNow();
            var overlap = _cursor is not null && now - _lastOverlapRead >= _options.OverlapRereadInterval;
            if (overlap)
            {
                _lastOverlapRead = now;
            }

            var from = _cursor is null ? null
                : overlap ? ChangeLog.KeyFor(ChangeLog.TimeOf(_cursor) - _options.OverlapWindow)
                : _cursor;
            // A bounded bite per poll: after a burst, the index refreshes every few hundred documents instead of once
            // at the end, so what is ingested becomes searchable steadily.
            // (The overlap re-read is not capped: a late entry may sit behind any number of entries already applied.)
            var entries = await _changeLog.ReadAfterAsync(from, overlap ? int.MaxValue : MaxEntriesPerPoll, cancellationToken).ConfigureAwait(false);
            var fresh = entries.Where(e => !_seen.ContainsKey(e.Key)).ToList();
            if (fresh.Count == 0)
            {
                Interlocked.Exchange(ref _lastSyncedTicks, _time.GetUtcNow().UtcTicks);
                return 0;
            }

            // Blobs are independent, and each costs a round trip or two: read several at once so a burst of changes
            // (a bulk upload) does not queue behind one connection. The index itself is thread-safe. What this process
            // committed itself is in the index already.
            var groups = fresh.Where(e => !_appliedLocally.TryRemove(e.Key, out _))
                .GroupBy(e => e.BlobPartition, StringComparer.Ordinal)
                .Select(g => (Partition: g.Key, Ids: g.SelectMany(e => e.DocumentIds).ToHashSet(StringComparer.Ordinal)))
                .ToList();
            if (groups.Count > 0)
            {
                await Parallel.ForEachAsync(
                    groups,
                    new ParallelOptions { MaxDegreeOfParallelism = ApplyParallelism, CancellationToken = cancellationToken },
                    async (group, ct) => await ApplyAsync(group.Partition, group.Ids, ct).ConfigureAwait(false)).ConfigureAwait(false);
            }

            // Also for entries applied on commit: once a poll has passed an entry, its documents are searchable.
            _index.Refresh();

            foreach (var entry in fresh)
            {
                _seen[entry.Key] = ChangeLog.TimeOf(entry.Key);
                if (_cursor is null || string.CompareOrdinal(entry.Key, _cursor) > 0)
                {
                    _cursor = entry.Key;
                }
            }

            var horizon = ChangeLog.TimeOf(_cursor!) - _options.OverlapWindow;
            foreach (var old in _seen.Where(s => s.Value < horizon).Select(s => s.Key).ToList())
            {
                _seen.Remove(old);
            }

            foreach (var old in _appliedLocally.Where(s => s.Value < horizon).Select(s => s.Key).ToList())
            {
                // An entry whose append failed after the commit: the ingestion is retried and appends a new one.
                _appliedLocally.TryRemove(old, out _);
            }

            Interlocked.Exchange(ref _lastSyncedTicks, _time.GetUtcNow().UtcTicks);
            _logger.LogDebug("Applied {EntryCount} change-log entries; cursor {Cursor}", fresh.Count, _cursor);
            return fresh.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Writes the index and the cursor it covers to the snapshot blob (unless a newer snapshot is there), then prunes
    /// change-log entries older than the snapshot's cursor minus <see cref="SearchIndexSyncOptions.ChangeLogRetention"/>.
    /// </summary>
    public async Task<SnapshotResult> SaveSnapshotAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await SaveSnapshotCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsTransient(ex))
        {
            throw StorageErrors.Transient("saving the search snapshot", ex);
        }
    }

    private async Task<SnapshotResult> SaveSnapshotCoreAsync(CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            string cursor;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Under the gate, the index is exactly the state the cursor describes.
                cursor = _cursor ?? throw new InvalidOperationException("The index has not been initialised yet.");
                await _index.WriteSnapshotAsync(file, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }

            file.Position = 0;
            var written = await UploadIfNewerAsync(file, cursor, cancellationToken).ConfigureAwait(false);
            var pruneBefore = ChangeLog.KeyFor(ChangeLog.TimeOf(cursor) - _options.ChangeLogRetention);
            var pruned = await _changeLog.PruneAsync(pruneBefore, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation(
                "Search snapshot at cursor {Cursor} {Outcome}; pruned {PrunedCount} change-log entries", cursor, written ? "written" : "skipped (a newer one exists)", pruned);
            return new SnapshotResult(written, cursor, pruned);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!_ready.Task.IsCompleted && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await InitializeAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Whatever went wrong, this loop is the only thing that will ever load the index: keep trying.
                _logger.LogError(ex, "Loading the search index failed; trying again");
                await Task.Delay(TimeSpan.FromSeconds(2), _time, stoppingToken).ConfigureAwait(false);
            }
        }

        using var timer = new PeriodicTimer(_options.PollInterval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SyncOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Polling the change log failed; the next poll tries again");
            }
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }

        base.Dispose();
    }

    long ICommitObserver.BeforeCommit(string partition) => Interlocked.Read(ref _applications[StripeOf(partition)]);

    async Task ICommitObserver.CommittedAsync(
        string partition,
        long token,
        IReadOnlyList<string> changeLogKeys,
        IReadOnlyList<Document> stored,
        IReadOnlyCollection<string> removed,
        CancellationToken cancellationToken)
    {
        if (!_ready.Task.IsCompleted)
        {
            // Loading or rebuilding: the change log brings it in once the index is ready.
            return;
        }

        var stripe = StripeOf(partition);
        await _stripes[stripe].WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Interlocked.Read(ref _applications[stripe]) != token)
            {
                // Something was applied to this partition since before the commit, perhaps a newer version committed
                // by another process: the change-log entry will be read like any other instead.
                return;
            }

            foreach (var document in stored)
            {
                Apply(document.Id, document);
            }

            foreach (var id in removed)
            {
                _index.Delete(id);
            }

            Interlocked.Increment(ref _applications[stripe]);
            foreach (var key in changeLogKeys)
            {
                _appliedLocally[key] = ChangeLog.TimeOf(key);
            }
        }
        finally
        {
            _stripes[stripe].Release();
        }

        RefreshSoon();
    }

    /// <summary>One refresh for the commits of the next moment, instead of one per document.</summary>
    private void RefreshSoon()
    {
        if (Interlocked.Exchange(ref _refreshPending, 1) == 0)
        {
            _ = RefreshAfterDelayAsync();
        }

        async Task RefreshAfterDelayAsync()
        {
            await Task.Delay(CommitRefreshDelay).ConfigureAwait(false);
            Volatile.Write(ref _refreshPending, 0);
            try
            {
                _index.Refresh();
            }
            catch (ObjectDisposedException)
            {
                // Shutting down.
            }
        }
    }

    private static int StripeOf(string partition) => (int)((uint)StringComparer.Ordinal.GetHashCode(partition) % Stripes);

    /// <summary>Re-reads a partition once and makes the index agree with it for <paramref name="ids"/>.</summary>
    private async Task ApplyAsync(string partition, HashSet<string> ids, CancellationToken cancellationToken)
    {
        // The read and its application are one step per stripe, so a commit observed meanwhile is not overwritten by
        // what was read before it.
        var stripe = StripeOf(partition);
        await _stripes[stripe].WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A few documents: a point read of each meta row (an ordinary article's body is inline) is cheaper than a
            // partition query, notably on Azurite, which scans the whole table for every query. Many: one partition query.
            var documents = ids.Count <= PointReadLimit
                ? await ReadDocumentsAsync(partition, ids, cancellationToken).ConfigureAwait(false)
                : DocumentRows.MaterializeAll(await TableStore.ReadPartitionWithBodiesAsync(_clients.DocumentsTable, partition, cancellationToken).ConfigureAwait(false));
            Interlocked.Add(ref _documentsReadBack, ids.Count);
            foreach (var id in ids)
            {
                if (documents.TryGetValue(id, out var document) && document is null)
                {
                    // Read while a writer replaced the chunks: the writer's own entry follows and is applied then.
                    continue;
                }

                Apply(id, document);
            }

            Interlocked.Increment(ref _applications[stripe]);
        }
        finally
        {
            _stripes[stripe].Release();
        }
    }

    /// <summary>Indexes <paramref name="document"/> if it is searchable; otherwise removes <paramref name="id"/>.</summary>
    private void Apply(string id, Document? document)
    {
        if (document is { Status: DocumentStatus.Indexed })
        {
            _index.Upsert(ToIndexed(document));
        }
        else
        {
            _index.Delete(id);
        }
    }

    private async Task<Dictionary<string, Document?>> ReadDocumentsAsync(string partition, HashSet<string> ids, CancellationToken cancellationToken)
    {
        var documents = new Dictionary<string, Document?>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var meta = await _clients.DocumentsTable.GetEntityIfExistsAsync<TableEntity>(
                partition, StorageKeys.MetaRowKey(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!meta.HasValue)
            {
                continue;
            }

            var document = DocumentRows.Materialize(meta.Value!, []);
            if (document is null)
            {
                // A body too big for its meta row lives in chunk rows: read the document's whole range.
                var rows = await TableStore.ReadDocumentRowsAsync(_clients.DocumentsTable, partition, id, cancellationToken).ConfigureAwait(false);
                document = DocumentRows.MaterializeAll(rows).GetValueOrDefault(id);
            }

            documents[id] = document;
        }

        return documents;
    }

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        // Taken before the scan: whatever is written during the scan is replayed from the change log afterwards.
        var cursor = ChangeLog.KeyFor(_time.GetUtcNow());
        _index.Clear();
        var count = 0;
        var partitionRows = new List<TableEntity>();
        string? partition = null;
        await foreach (var row in _clients.DocumentsTable.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.PartitionKey != partition)
            {
                count += IndexAll(partitionRows);
                partitionRows.Clear();
                partition = row.PartitionKey;
            }

            partitionRows.Add(row);
        }

        count += IndexAll(partitionRows);
        _index.Refresh();
        _cursor = cursor;
        _logger.LogInformation("Rebuilt the search index from the tables: {DocumentCount} documents", count);

        int IndexAll(List<TableEntity> rows)
        {
            var indexed = 0;
            foreach (var document in DocumentRows.MaterializeAll(rows).Values)
            {
                if (document is { Status: DocumentStatus.Indexed })
                {
                    _index.Upsert(ToIndexed(document));
                    indexed++;
                }
            }

            return indexed;
        }
    }

    private async Task<bool> TryLoadSnapshotAsync(CancellationToken cancellationToken)
    {
        try
        {
            var download = await SnapshotBlob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            using var result = download.Value;
            if (!result.Details.Metadata.TryGetValue(CursorMetadata, out var cursor) || cursor.Length < 19)
            {
                _logger.LogWarning("The search snapshot has no cursor; rebuilding from the tables");
                return false;
            }

            await _index.LoadSnapshotAsync(result.Content, cancellationToken).ConfigureAwait(false);
            _cursor = cursor;
            _logger.LogInformation("Loaded the search snapshot at cursor {Cursor}: {DocumentCount} documents", cursor, _index.Count);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            _logger.LogInformation("There is no search snapshot yet; rebuilding from the tables");
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not RequestFailedException)
        {
            // Whatever the index makes of a damaged snapshot, the tables can always rebuild it.
            _logger.LogWarning(ex, "The search snapshot could not be read; rebuilding from the tables");
            return false;
        }
    }

    private async Task<bool> UploadIfNewerAsync(Stream content, string cursor, CancellationToken cancellationToken)
    {
        var client = SnapshotBlob;
        BlobRequestConditions conditions;
        try
        {
            var properties = (await client.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            if (properties.Metadata.TryGetValue(CursorMetadata, out var existing) && string.CompareOrdinal(existing, cursor) > 0)
            {
                return false;
            }

            conditions = new BlobRequestConditions { IfMatch = properties.ETag };
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            conditions = new BlobRequestConditions { IfNoneMatch = ETag.All };
        }

        try
        {
            await client.UploadAsync(content, new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string> { [CursorMetadata] = cursor },
                Conditions = conditions,
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another instance wrote a snapshot at the same moment; one of the two is enough.
            return false;
        }
    }

    private static IndexedDocument ToIndexed(Document document) =>
        new(document.Id, document.Title, document.Text, document.PublishedAt, document.Source);
}
