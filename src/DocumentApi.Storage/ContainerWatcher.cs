using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace DocumentApi.Storage;

/// <summary>A blob a scan found different from what the watcher last saw; <paramref name="LastModified"/> is null when it is gone.</summary>
public sealed record BlobChange(string BlobName, DateTimeOffset? LastModified);

/// <summary>What a scan listed and what it queued for ingestion.</summary>
public sealed record ScanReport(int Blobs, ImmutableArray<BlobChange> Queued, TimeSpan ListingTime);

/// <summary>
/// Stands in for Event Grid where there is none (Azurite): finds uploads, overwrites and deletions by listing the
/// container, or some of its folders, and comparing with what it saw last; and ingests what it found with a fixed number
/// of workers while scans go on. Finding and ingesting run side by side because a big container takes seconds to list
/// and a backlog minutes to ingest: an upload found while a backlog drains must not wait for the backlog or for the next
/// listing. So deletions go first, then folders take turns, one blob each and the newest first, and a folder that had
/// nothing queued takes the next turn: a bulk import into some folders does not hold up a single upload into another.
/// </summary>
public sealed partial class ContainerWatcher : IDisposable
{
    private readonly Reconciler _reconciler;
    private readonly DocumentIngestor _ingestor;
    private readonly ILogger<ContainerWatcher> _logger;

    /// <summary>
    /// One whole scan at a time, and one folder scan: a whole listing takes seconds on a big container, and folder scans
    /// go on meanwhile. Each compares with <see cref="_seen"/> under <see cref="_lock"/>. A scan whose listing is older
    /// than what another scan already queued or ingested can queue a blob once more; ingestion looks at the blob as it is
    /// now, so that costs a read, and the scans after agree again.
    /// </summary>
    private readonly SemaphoreSlim _scanGate = new(1, 1);

    private readonly SemaphoreSlim _folderScanGate = new(1, 1);

    /// <summary>One drain at a time: its workers are the only ones taking from the queue.</summary>
    private readonly SemaphoreSlim _drainGate = new(1, 1);

    /// <summary>Guards <see cref="_seen"/>, the queues, <see cref="_pending"/> and <see cref="_inFlight"/>.</summary>
    private readonly Lock _lock = new();

    /// <summary>
    /// Blob name → ETag of each blob the tables agree with, as far as this watcher knows; null until the first whole
    /// scan has compared the container with the tables. A null ETag means "try again": the ingestion failed.
    /// </summary>
    private Dictionary<string, string?>? _seen;

    /// <summary>
    /// Queued deletions, first come first served. In these queues an entry whose sequence number is no longer that of
    /// the blob in <see cref="_pending"/> is stale: a later scan queued the blob again.
    /// </summary>
    private readonly Queue<(string Name, long Sequence)> _deletions = new();

    /// <summary>Queued uploads by folder (blob-name prefix up to the last '/'), newest first, then first found.</summary>
    private readonly Dictionary<string, PriorityQueue<string, (long NegatedTicks, long Sequence)>> _folders = new(StringComparer.Ordinal);

    /// <summary>
    /// The folders of <see cref="_folders"/> in the order they take their next turn: a folder that had nothing queued
    /// goes first, one with more to do after its turn goes last.
    /// </summary>
    private readonly LinkedList<string> _turns = new();

    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private long _sequence;
    private TaskCompletionSource _changed = NewSignal();

    internal ContainerWatcher(Reconciler reconciler, DocumentIngestor ingestor, ILogger<ContainerWatcher> logger)
    {
        _reconciler = reconciler;
        _ingestor = ingestor;
        _logger = logger;
    }

    /// <summary>A blob's folder: its name up to and including the last '/', or empty at the top of the container.</summary>
    public static string FolderOf(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        return blobName[..(blobName.LastIndexOf('/') + 1)];
    }

    /// <summary>Blobs queued or being ingested.</summary>
    public int Backlog
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count + _inFlight.Count;
            }
        }
    }

    /// <summary>
    /// Lists the whole container and queues what differs from the last scan. The first scan compares with the tables
    /// instead (one query over the blob rows), so it also finds what changed while nothing watched.
    /// </summary>
    public async Task<ScanReport> ScanAsync(CancellationToken cancellationToken = default)
    {
        await _scanGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ScanCoreAsync(folders: null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsTransient(ex))
        {
            throw StorageErrors.Transient("scanning the container", ex);
        }
        finally
        {
            _scanGate.Release();
        }
    }

    /// <summary>
    /// Lists only some folders (blob-name prefixes ending in <c>/</c>) and queues what differs there: uploads tend to
    /// arrive in a few folders at a time, and listing those costs a fraction of listing a big container. Does nothing
    /// until a whole scan has seen the container.
    /// </summary>
    public async Task<ScanReport> ScanFoldersAsync(IReadOnlyCollection<string> folders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folders);
        if (folders.Any(f => f.Length == 0 || !f.EndsWith('/')))
        {
            throw new ArgumentException("A folder is a non-empty blob-name prefix ending in '/'.", nameof(folders));
        }

        await _folderScanGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_lock)
            {
                if (_seen is null)
                {
                    return new ScanReport(0, [], TimeSpan.Zero);
                }
            }

            return await ScanCoreAsync([.. folders.Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsTransient(ex))
        {
            throw StorageErrors.Transient("scanning folders", ex);
        }
        finally
        {
            _folderScanGate.Release();
        }
    }

    /// <summary>Completes once something is queued.</summary>
    public async Task WhenQueuedAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_pending.Count > 0)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Ingests what is queued, including what scans queue meanwhile, with
    /// <see cref="DocumentStorageOptions.ReconcileParallelism"/> workers, until nothing is queued or being ingested.
    /// Returns what it ingested, in the order ingestions finished. A blob that fails is retried by the next scan.
    /// </summary>
    public async Task<ImmutableArray<IngestResult>> DrainAsync(CancellationToken cancellationToken = default)
    {
        await _drainGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var results = new ConcurrentQueue<IngestResult>();
            var workers = Enumerable.Range(0, _reconciler.Clients.Options.ReconcileParallelism)
                .Select(_ => Task.Run(() => WorkAsync(results, cancellationToken), cancellationToken));
            await Task.WhenAll(workers).ConfigureAwait(false);
            return [.. results];
        }
        finally
        {
            _drainGate.Release();
        }
    }

    public void Dispose()
    {
        _scanGate.Dispose();
        _folderScanGate.Dispose();
        _drainGate.Dispose();
    }

    private async Task<ScanReport> ScanCoreAsync(IReadOnlyCollection<string>? folders, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var blobs = await _reconciler.ListBlobsAsync(folders, cancellationToken).ConfigureAwait(false);
        var listingTime = stopwatch.Elapsed;

        bool first;
        lock (_lock)
        {
            first = _seen is null;
        }

        // Only the first scan reads the tables; later ones trust what this watcher saw and did since.
        var differences = first
            ? await _reconciler.QuickDifferencesAsync(blobs, cancellationToken).ConfigureAwait(false)
            : null;

        var queued = new List<BlobChange>();
        lock (_lock)
        {
            if (differences is not null)
            {
                var different = differences.Select(d => d.BlobName!).ToHashSet(StringComparer.Ordinal);
                _seen = blobs.Where(b => !different.Contains(b.Key)).ToDictionary(b => b.Key, b => b.Value.ETag?.ToString(), StringComparer.Ordinal);
                foreach (var item in differences)
                {
                    queued.Add(Enqueue(item.BlobName!, blobs.GetValueOrDefault(item.BlobName!), item.ProbablyNew));
                }
            }
            else
            {
                var seen = _seen!;
                foreach (var (name, blob) in blobs)
                {
                    var etag = blob.ETag?.ToString();
                    var known = seen.TryGetValue(name, out var seenETag);
                    if ((known && seenETag == etag && etag is not null)
                        || _inFlight.Contains(name)
                        || (_pending.TryGetValue(name, out var pending) && pending.ETag == etag))
                    {
                        // Unchanged, or already on its way: a blob that changes again while it is ingested is found by a
                        // later scan, since the ETag recorded then is the one this scan saw.
                        continue;
                    }

                    queued.Add(Enqueue(name, blob, probablyNew: !known));
                }

                // Gone from the listing: only names the listing covered (every name, or those in the folders listed).
                foreach (var name in seen.Keys)
                {
                    if (!blobs.ContainsKey(name)
                        && (folders is null || folders.Any(f => name.StartsWith(f, StringComparison.Ordinal)))
                        && !_inFlight.Contains(name)
                        && !(_pending.TryGetValue(name, out var pending) && pending.ETag is null))
                    {
                        queued.Add(Enqueue(name, blob: null, probablyNew: false));
                    }
                }
            }

            if (queued.Count > 0)
            {
                Signal();
            }
        }

        if (queued.Count > 0)
        {
            LogQueued(_logger, queued.Count, blobs.Count, (long)listingTime.TotalMilliseconds);
        }

        return new ScanReport(blobs.Count, [.. queued], listingTime);
    }

    /// <summary>Queues (or re-queues, replacing an older entry) one blob; call under <see cref="_lock"/>.</summary>
    private BlobChange Enqueue(string name, BlobItemProperties? blob, bool probablyNew)
    {
        var sequence = ++_sequence;
        var etag = blob?.ETag?.ToString();
        _pending[name] = new Pending(etag, probablyNew, sequence);

        if (blob is null)
        {
            _deletions.Enqueue((name, sequence));
            return new BlobChange(name, null);
        }

        var folder = FolderOf(name);
        if (!_folders.TryGetValue(folder, out var queue))
        {
            _folders[folder] = queue = new();
            _turns.AddFirst(folder);
        }

        // Last-Modified has one-second resolution; uploads of the same second go in the order they were found.
        var lastModified = blob.LastModified ?? DateTimeOffset.MaxValue;
        queue.Enqueue(name, (-lastModified.UtcTicks, sequence));
        return new BlobChange(name, lastModified);
    }

    private async Task WorkAsync(ConcurrentQueue<IngestResult> results, CancellationToken cancellationToken)
    {
        while (true)
        {
            string name;
            Pending item;
            Task changed;
            lock (_lock)
            {
                if (TryTake(out name, out item))
                {
                    _inFlight.Add(name);
                    changed = Task.CompletedTask;
                }
                else if (_inFlight.Count == 0)
                {
                    // Nothing queued and nothing running that could lead to more: the drain is over.
                    Signal();
                    return;
                }
                else
                {
                    changed = _changed.Task;
                    name = "";
                }
            }

            if (name.Length == 0)
            {
                // Others are still ingesting; a scan may queue more meanwhile.
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            string? settled = null;
            try
            {
                var result = await _ingestor.IngestAsync(name, force: false, cancellationToken, item.ProbablyNew).ConfigureAwait(false);
                results.Enqueue(result);
                settled = item.ETag ?? Gone;
            }
            catch (Exception ex) when (ex is TransientStorageException or RequestFailedException or InvalidOperationException)
            {
                // One blob that cannot be ingested (storage trouble, a parser bug) must not hold up the others.
                LogFailed(_logger, ex, name);
            }
            finally
            {
                lock (_lock)
                {
                    _inFlight.Remove(name);
                    if (settled == Gone)
                    {
                        _seen!.Remove(name);
                    }
                    else
                    {
                        // Failed or cancelled: a null ETag matches no listing, so the next scan queues it again.
                        _seen![name] = settled;
                    }

                    Signal();
                }
            }
        }
    }

    /// <summary>
    /// Takes a deletion if any, else the newest upload of the folder whose turn it is, skipping entries a later scan
    /// replaced; call under <see cref="_lock"/>.
    /// </summary>
    private bool TryTake(out string name, out Pending item)
    {
        while (_deletions.TryDequeue(out var deletion))
        {
            if (IsCurrent(deletion.Name, deletion.Sequence, out item))
            {
                name = deletion.Name;
                return true;
            }
        }

        while (_turns.First is { Value: var folder })
        {
            _turns.RemoveFirst();
            var queue = _folders[folder];
            while (queue.TryDequeue(out name!, out var priority))
            {
                if (IsCurrent(name, priority.Sequence, out item))
                {
                    if (queue.Count > 0)
                    {
                        _turns.AddLast(folder);
                    }
                    else
                    {
                        _folders.Remove(folder);
                    }

                    return true;
                }
            }

            _folders.Remove(folder);
        }

        name = "";
        item = null!;
        return false;
    }

    private bool IsCurrent(string name, long sequence, out Pending item)
    {
        if (_pending.TryGetValue(name, out item!) && item.Sequence == sequence)
        {
            _pending.Remove(name);
            return true;
        }

        return false;
    }

    /// <summary>Wakes whoever waits for the queue to change; call under <see cref="_lock"/>.</summary>
    private void Signal()
    {
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Marks an ingestion that found its blob gone (an ETag never has this value).</summary>
    private const string Gone = "\0gone";

    private sealed record Pending(string? ETag, bool ProbablyNew, long Sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {QueuedCount} changed blobs of {BlobCount} listed in {ListingMs} ms")]
    private static partial void LogQueued(ILogger logger, int queuedCount, int blobCount, long listingMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingesting {BlobName} failed; the next scan tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string blobName);
}
