using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using DocumentApi.Storage.Tables;
using Microsoft.Extensions.Logging;

namespace DocumentApi.Storage;

/// <summary>Compares the container with the tables and repairs every difference.</summary>
public interface IReconciler
{
    /// <summary>
    /// <see cref="ReconcileMode.Quick"/>: one blob listing and one table query, no downloads when nothing changed;
    /// catches missed events, deletes and uploads while nothing listened, and interrupted ingestions.
    /// <see cref="ReconcileMode.Deep"/> also checks every row of every partition and every listing row, repairing rows
    /// changed or removed behind the service's back and orphan rows.
    /// A watcher that lists the container over and over compares with what it saw last instead: see
    /// <see cref="ContainerWatcher"/>.
    /// </summary>
    Task<ReconcileReport> ReconcileAsync(ReconcileMode mode = ReconcileMode.Quick, CancellationToken cancellationToken = default);
}

public enum ReconcileMode
{
    Quick,
    Deep,
}

/// <summary>What a reconciliation found and did. <paramref name="Ingested"/> lists each blob it had to (re)ingest.</summary>
public sealed record ReconcileReport(
    ReconcileMode Mode,
    int Blobs,
    ImmutableArray<IngestResult> Ingested,
    int ListingRowsWritten,
    int ListingRowsDeleted,
    int Failures,
    TimeSpan Elapsed)
{
    public bool ChangedAnything => !Ingested.IsEmpty || ListingRowsWritten > 0 || ListingRowsDeleted > 0;

    /// <summary>How long listing the container took, part of <see cref="Elapsed"/>.</summary>
    public TimeSpan ListingTime { get; init; }
}

internal sealed class Reconciler(TableStore store, DocumentIngestor ingestor, TimeProvider time, ILogger<Reconciler> logger) : IReconciler, IDisposable
{
    /// <summary>One reconciliation at a time per process: two would ingest the same differences side by side.</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    /// <summary>Rows mid-write younger than this belong to an ingestion that is probably still running.</summary>
    internal TimeSpan GracePeriod { get; set; } = TimeSpan.FromMinutes(1);

    internal StorageClients Clients => store.Clients;

    public async Task<ReconcileReport> ReconcileAsync(ReconcileMode mode = ReconcileMode.Quick, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReconcileCoreAsync(mode, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsTransient(ex))
        {
            throw StorageErrors.Transient("reconciling", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ReconcileReport> ReconcileCoreAsync(ReconcileMode mode, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var blobs = await ListBlobsAsync(folders: null, cancellationToken).ConfigureAwait(false);
        var listingTime = stopwatch.Elapsed;
        var work = mode == ReconcileMode.Deep
            ? await DeepDifferencesAsync(blobs, cancellationToken).ConfigureAwait(false)
            : await QuickDifferencesAsync(blobs, cancellationToken).ConfigureAwait(false);

        // Deletions (no blob) first, then the newest uploads, so what was uploaded last is not stuck behind a backlog.
        work = [.. work.OrderByDescending(w => NewestFirst(w, blobs))];
        var results = new ConcurrentBag<IngestResult>();
        var failures = 0;
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Clients.Options.ReconcileParallelism, CancellationToken = cancellationToken }, async (item, ct) =>
        {
            try
            {
                results.Add(await ingestor.IngestAsync(item.BlobName!, item.Force, ct, item.ProbablyNew).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is TransientStorageException or RequestFailedException or InvalidOperationException)
            {
                // One blob that cannot be ingested (storage trouble, a parser bug) must not hold up the others.
                Interlocked.Increment(ref failures);
                logger.LogWarning(ex, "Reconciling {BlobName} failed; the next run tries again", item.BlobName);
            }
        }).ConfigureAwait(false);

        var (written, deleted) = mode == ReconcileMode.Deep
            ? await RepairListingAsync(cancellationToken).ConfigureAwait(false)
            : (0, 0);

        var report = new ReconcileReport(mode, blobs.Count, [.. results.OrderBy(r => r.BlobName, StringComparer.Ordinal)], written, deleted, failures, stopwatch.Elapsed)
        {
            ListingTime = listingTime,
        };
        if (report.ChangedAnything || failures > 0)
        {
            logger.LogInformation(
                "Reconciled ({Mode}) {BlobCount} blobs in {ElapsedMs} ms: {IngestedCount} ingested, {ListingWritten} listing rows written, {ListingDeleted} deleted, {Failures} failures",
                mode, blobs.Count, (long)stopwatch.Elapsed.TotalMilliseconds, report.Ingested.Length, written, deleted, failures);
        }

        return report;
    }

    /// <summary>
    /// Every blob in the container, or in the folders given (blob-name prefixes), by name. Folders are listed one after
    /// another: Azurite serves one request at a time, and a listing's duration is what a watcher budgets.
    /// </summary>
    internal async Task<Dictionary<string, BlobItemProperties>> ListBlobsAsync(IReadOnlyCollection<string>? folders, CancellationToken cancellationToken)
    {
        var blobs = new Dictionary<string, BlobItemProperties>(StringComparer.Ordinal);
        foreach (var prefix in folders?.Select(f => (string?)f) ?? [null])
        {
            await foreach (var blob in Clients.Documents.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
            {
                blobs[blob.Name] = blob.Properties;
            }
        }

        return blobs;
    }

    /// <summary>
    /// What differs between the listing and the tables' blob rows: a filter on RowKey across partitions, projected to a
    /// few columns.
    /// </summary>
    internal async Task<List<WorkItem>> QuickDifferencesAsync(Dictionary<string, BlobItemProperties> blobs, CancellationToken cancellationToken)
    {
        var work = new List<WorkItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {StorageKeys.BlobRowKeysFrom} and RowKey lt {StorageKeys.BlobRowKeysTo}");
        string[] select = ["PartitionKey", "RowKey", "Timestamp", Fields.BlobName, Fields.BlobETag, Fields.BlobMd5, Fields.State];
        await foreach (var row in Clients.DocumentsTable.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey != StorageKeys.BlobRowKey(row.PartitionKey))
            {
                // Not this partition's blob row (nothing else is written with a leading '!'): a Deep round judges it.
                continue;
            }

            var name = row.GetString(Fields.BlobName);
            if (name is null)
            {
                // Only a writer that crashed before its last transaction leaves a blob row without a name.
                if (IsSettled(row))
                {
                    work.Add(new WorkItem(null, row.PartitionKey, Force: true));
                }

                continue;
            }

            seen.Add(name);
            if (!blobs.TryGetValue(name, out var blob))
            {
                work.Add(new WorkItem(name, row.PartitionKey, Force: false));
            }
            else if (row.GetString(Fields.State) != BlobRowStates.Committed)
            {
                if (IsSettled(row))
                {
                    work.Add(new WorkItem(name, row.PartitionKey, Force: false));
                }
            }
            else if (!SameBlob(row, blob))
            {
                work.Add(new WorkItem(name, row.PartitionKey, Force: false));
            }
        }

        work.AddRange(blobs.Keys.Where(name => !seen.Contains(name)).Select(name => new WorkItem(name, StorageKeys.PartitionForBlob(name), Force: false, ProbablyNew: true)));
        return await ResolveNamelessAsync(work, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every row of the documents table (without bodies), checked partition by partition.</summary>
    private async Task<List<WorkItem>> DeepDifferencesAsync(Dictionary<string, BlobItemProperties> blobs, CancellationToken cancellationToken)
    {
        var rowsByPartition = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        await foreach (var row in Clients.DocumentsTable.QueryAsync<TableEntity>(select: Fields.Summary, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!rowsByPartition.TryGetValue(row.PartitionKey, out var rows))
            {
                rowsByPartition[row.PartitionKey] = rows = [];
            }

            rows.Add(row);
        }

        var work = new List<WorkItem>();
        foreach (var (name, blob) in blobs)
        {
            var partition = StorageKeys.PartitionForBlob(name);
            if (!rowsByPartition.Remove(partition, out var rows))
            {
                work.Add(new WorkItem(name, partition, Force: false, ProbablyNew: true));
                continue;
            }

            var state = PartitionState.From(partition, rows);
            var settled = state.BlobRow is null || IsSettled(state.BlobRow);
            var consistent = state.IsConsistent()
                && state.BlobRow!.GetString(Fields.BlobName) == name
                && state.Metas.All(m => m.GetString(Fields.BlobName) == name)
                && SameBlob(state.BlobRow, blob);
            if (!consistent && settled)
            {
                work.Add(new WorkItem(name, partition, Force: true));
            }
        }

        // Partitions without a blob: the blob was deleted while nothing listened, or rows were left behind.
        foreach (var (partition, rows) in rowsByPartition)
        {
            var state = PartitionState.From(partition, rows);
            if (state.BlobRow is null || IsSettled(state.BlobRow))
            {
                var name = state.AllRows.Select(r => r.GetString(Fields.BlobName)).FirstOrDefault(n => n is not null);
                work.Add(new WorkItem(name, partition, Force: true));
            }
        }

        return await ResolveNamelessAsync(work, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rows that name no blob cannot be ingested by name; they are removed directly, which is what ingesting a missing
    /// blob would do.
    /// </summary>
    private async Task<List<WorkItem>> ResolveNamelessAsync(List<WorkItem> work, CancellationToken cancellationToken)
    {
        foreach (var item in work.Where(w => w.BlobName is null))
        {
            var state = await store.ReadPartitionAsync(item.Partition, cancellationToken).ConfigureAwait(false);
            var name = state.AllRows.Select(r => r.GetString(Fields.BlobName)).FirstOrDefault(n => n is not null);
            if (name is null)
            {
                var deletes = state.AllRows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(r.PartitionKey, r.RowKey), ETag.All)).ToList();
                foreach (var batch in TableStore.Batches(deletes, Clients.Options.MaxTransactionBytes, 100))
                {
                    await Clients.DocumentsTable.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
                }

                logger.LogWarning("Removed {RowCount} rows of partition {Partition}, which named no blob", deletes.Count, item.Partition);
            }
        }

        return [.. work.Where(w => w.BlobName is not null).DistinctBy(w => w.BlobName)];
    }

    /// <summary>Rewrites listing rows that differ from the meta rows and deletes those no document explains.</summary>
    private async Task<(int Written, int Deleted)> RepairListingAsync(CancellationToken cancellationToken)
    {
        var expected = new Dictionary<(string, string), TableEntity>();
        var metaFilter = TableClient.CreateQueryFilter($"Kind eq {RowKinds.Meta}");
        await foreach (var meta in Clients.DocumentsTable.QueryAsync<TableEntity>(metaFilter, select: Fields.Summary, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in DocumentRows.ListingRows(meta, meta.PartitionKey))
            {
                expected[(row.PartitionKey, row.RowKey)] = row;
            }
        }

        var unexpected = new List<(string, string)>();
        await foreach (var row in Clients.ListingTable.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var key = (row.PartitionKey, row.RowKey);
            if (!expected.TryGetValue(key, out var wanted))
            {
                unexpected.Add(key);
            }
            else if (SameListing(row, wanted))
            {
                expected.Remove(key);
            }
        }

        if (expected.Count > 0 || unexpected.Count > 0)
        {
            await store.WriteListingAsync(expected.Values, unexpected, cancellationToken).ConfigureAwait(false);
        }

        return (expected.Count, unexpected.Count);
    }

    private static bool SameListing(TableEntity actual, TableEntity wanted) =>
        DocumentRows.ReadSummary(actual) == DocumentRows.ReadSummary(wanted)
        && actual.GetString(Fields.BlobPartition) == wanted.GetString(Fields.BlobPartition)
        && actual.GetString(Fields.ListingKey) == wanted.GetString(Fields.ListingKey);

    /// <summary>Same ETag, or (when the ETag moved on) the same Content-MD5 where both sides have one.</summary>
    private static bool SameBlob(TableEntity blobRow, BlobItemProperties blob)
    {
        if (blobRow.GetString(Fields.BlobETag) == blob.ETag?.ToString())
        {
            return true;
        }

        var storedMd5 = blobRow.GetString(Fields.BlobMd5);
        return storedMd5 is not null && blob.ContentHash is { Length: > 0 } md5 && storedMd5 == Convert.ToBase64String(md5);
    }

    /// <summary>The order work is best done in, descending: deletions, then the most recently modified blobs.</summary>
    private static DateTimeOffset NewestFirst(WorkItem item, Dictionary<string, BlobItemProperties> blobs) =>
        item.BlobName is not null && blobs.TryGetValue(item.BlobName, out var blob)
            ? blob.LastModified ?? DateTimeOffset.MaxValue
            : DateTimeOffset.MaxValue;

    private bool IsSettled(TableEntity row) =>
        row.GetString(Fields.State) == BlobRowStates.Committed
        || row.Timestamp is not { } timestamp
        || time.GetUtcNow() - timestamp >= GracePeriod;

    /// <summary><paramref name="ProbablyNew"/>: no row was seen for the blob, so ingestion may skip reading its partition.</summary>
    internal sealed record WorkItem(string? BlobName, string Partition, bool Force, bool ProbablyNew = false);
}
