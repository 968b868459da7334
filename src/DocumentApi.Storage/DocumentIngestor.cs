using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using DocumentApi.Core.Documents;
using DocumentApi.Core.Parsing;
using DocumentApi.Storage.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocumentApi.Storage;

/// <summary>
/// Ingestion with optimistic concurrency on the blob row. The partition is read (with the blob row's ETag) before the
/// blob is downloaded; every transaction then carries a write of the blob row conditioned on the ETag read or returned
/// by the previous transaction. Storage is strongly consistent, so a writer that read the blob row after a newer
/// commit also downloads the newer blob: an older version can never overwrite a newer one. See docs/storage.md.
/// </summary>
internal sealed class DocumentIngestor : IDocumentIngestor
{
    private readonly TableStore _store;
    private readonly ChangeLog _changeLog;
    private readonly DocumentParser _parser;
    private readonly TimeProvider _time;
    private readonly ILogger<DocumentIngestor> _logger;
    private readonly ICommitObserver[] _observers;
    private long _writeRequests;

    public DocumentIngestor(
        TableStore store,
        ChangeLog changeLog,
        IOptions<ParserOptions> parserOptions,
        TimeProvider time,
        ILogger<DocumentIngestor> logger,
        IEnumerable<ICommitObserver> observers)
    {
        ArgumentNullException.ThrowIfNull(parserOptions);
        ArgumentNullException.ThrowIfNull(observers);
        _observers = [.. observers];
        _store = store;
        _changeLog = changeLog;
        _parser = new DocumentParser(parserOptions.Value);
        Parser = _parser.Parse;
        _time = time;
        _logger = logger;
    }

    /// <summary>The parser, replaceable so storage tests do not depend on the parsing rules of the day.</summary>
    internal Func<string, ReadOnlyMemory<byte>, string?, ImmutableArray<Document>> Parser { get; set; }

    /// <summary>Write requests sent to the documents and listing tables and the change log, for tests.</summary>
    internal long WriteRequests => Interlocked.Read(ref _writeRequests);

    private DocumentStorageOptions Options => _store.Clients.Options;

    public Task<IngestResult> IngestAsync(string blobName, CancellationToken cancellationToken = default) =>
        IngestAsync(blobName, force: false, cancellationToken);

    /// <summary>
    /// <paramref name="force"/> rewrites the partition and its listing even when the blob is unchanged (repairs).
    /// <paramref name="probablyNew"/> (the reconciler saw no row for the blob) skips reading the partition first: the
    /// first transaction inserts the blob row, which fails if the partition has one after all, and then the ingestion
    /// starts over the ordinary way. One round trip fewer for the common case of a new upload.
    /// </summary>
    internal async Task<IngestResult> IngestAsync(string blobName, bool force, CancellationToken cancellationToken, bool probablyNew = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        var partition = StorageKeys.PartitionForBlob(blobName);
        for (var attempt = 1; ; attempt++)
        {
            var optimistic = probablyNew && !force && attempt == 1;
            try
            {
                return await TryIngestAsync(blobName, partition, force, optimistic, cancellationToken).ConfigureAwait(false);
            }
            catch (WriteConflictException) when (optimistic)
            {
                _logger.LogDebug("Blob {BlobName} was not new after all; ingesting it the ordinary way", blobName);
            }
            catch (WriteConflictException ex) when (attempt < Options.MaxIngestAttempts)
            {
                _logger.LogDebug(ex, "Ingesting {BlobName} lost a race on attempt {Attempt}; starting over", blobName, attempt);
                await Task.Delay(Backoff(attempt), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (WriteConflictException ex)
            {
                _logger.LogWarning(ex, "Ingesting {BlobName} lost {Attempts} races in a row; giving up for now", blobName, attempt);
                throw new TransientStorageException($"Concurrent writers kept changing the documents of blob '{blobName}'.", ex);
            }
            catch (Exception ex) when (StorageErrors.IsTransient(ex))
            {
                _logger.LogWarning(ex, "Ingesting {BlobName} failed with status {Status}; the caller retries", blobName, StorageErrors.StatusOf(ex));
                throw StorageErrors.Transient($"ingesting blob '{blobName}'", ex);
            }
        }
    }

    private async Task<IngestResult> TryIngestAsync(string blobName, string partition, bool force, bool optimistic, CancellationToken cancellationToken)
    {
        var state = optimistic
            ? PartitionState.From(partition, [])
            : await _store.ReadPartitionAsync(partition, cancellationToken).ConfigureAwait(false);
        var storedIds = state.Metas.Select(m => m.GetString(Fields.DocumentId)).ToImmutableArray();
        var storedBlobETag = state.IsCommitted && !force ? state.BlobRow!.GetString(Fields.BlobETag) : null;

        var blob = await DownloadAsync(blobName, storedBlobETag, cancellationToken).ConfigureAwait(false);
        if (blob is { NotModified: true })
        {
            if (!state.IsPublished)
            {
                // A writer stored this version but stopped before its listing rows and change-log entry were confirmed.
                await AppendChangeAsync(_changeLog.NewEntryPrefix(), partition, storedIds, cancellationToken).ConfigureAwait(false);
                await RepublishAsync(partition, [], cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("Blob {BlobName} was stored but not published; published {DocumentCount} documents", blobName, storedIds.Length);
            }
            else
            {
                _logger.LogDebug("Blob {BlobName} is unchanged ({DocumentCount} documents)", blobName, storedIds.Length);
            }

            return new IngestResult(blobName, IngestOutcome.Unchanged, storedIds, []);
        }

        if (blob is null)
        {
            if (optimistic)
            {
                // Gone already: only a real read of the partition can say whether there is anything to remove.
                throw new WriteConflictException(partition, new InvalidOperationException("The blob vanished before its first ingestion."));
            }

            if (state.IsEmpty)
            {
                _logger.LogDebug("Blob {BlobName} is gone and nothing was stored for it", blobName);
                return new IngestResult(blobName, IngestOutcome.Unchanged, [], []);
            }

            await CommitAndPublishAsync(state, [], [], finalBlobRow: null, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Blob {BlobName} is gone; removed {DocumentCount} documents", blobName, storedIds.Length);
            return new IngestResult(blobName, IngestOutcome.Deleted, [], storedIds);
        }

        if (!force && state.IsPublished && state.BlobRow!.GetString(Fields.ContentHash) == blob.ContentHash)
        {
            // Same bytes under a new ETag (re-uploaded): the documents stay; only the recorded ETag moves on so the
            // reconciler's cheap comparison agrees again.
            await RecordBlobETagAsync(state.BlobRow, blob, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Blob {BlobName} was rewritten with the same content ({DocumentCount} documents)", blobName, storedIds.Length);
            return new IngestResult(blobName, IngestOutcome.Unchanged, storedIds, []);
        }

        var documents = Parse(blobName, partition, blob);
        var ingestedAt = _time.GetUtcNow();
        var version = Guid.NewGuid().ToString("N")[..12];
        var rowSets = documents.Select(d => DocumentRows.ToRows(d, partition, ingestedAt, version, Options)).ToList();
        var finalBlobRow = new TableEntity(partition, StorageKeys.BlobRowKey(partition))
        {
            [Fields.Kind] = RowKinds.Blob,
            [Fields.BlobName] = blobName,
            [Fields.BlobETag] = blob.ETag.ToString(),
            [Fields.BlobMd5] = blob.Md5,
            [Fields.ContentHash] = blob.ContentHash,
            [Fields.DocumentCount] = rowSets.Count,
            [Fields.State] = BlobRowStates.Unpublished,
            [Fields.IngestedAt] = ingestedAt,
            [Fields.BodyVersion] = version,
        };
        var transactions = await CommitAndPublishAsync(state, documents, rowSets, finalBlobRow, cancellationToken).ConfigureAwait(false);

        var ids = documents.Select(d => d.Id).ToImmutableArray();
        var removed = storedIds.Except(ids, StringComparer.Ordinal).ToImmutableArray();
        var failed = documents.FirstOrDefault(d => d.Status == DocumentStatus.Failed);
        var outcome = failed is not null ? IngestOutcome.Failed
            : storedIds.IsEmpty ? IngestOutcome.Created
            : IngestOutcome.Updated;
        if (failed is not null)
        {
            _logger.LogWarning("Blob {BlobName} could not be parsed: {FailureReason}", blobName, failed.FailureReason);
        }

        _logger.LogInformation(
            "Ingested {BlobName} as {Outcome}: {DocumentCount} documents, {RemovedCount} removed, {Transactions} transactions, {SizeBytes} bytes",
            blobName, outcome, ids.Length, removed.Length, transactions, blob.Length);
        return new IngestResult(blobName, outcome, ids, removed);
    }

    /// <summary>
    /// Replaces the partition's rows with <paramref name="rowSets"/> (or removes them all when
    /// <paramref name="finalBlobRow"/> is null), then the listing rows, then appends to the change log.
    /// </summary>
    private async Task<int> CommitAndPublishAsync(
        PartitionState state,
        IReadOnlyList<Document> documents,
        IReadOnlyList<DocumentRowSet> rowSets,
        TableEntity? finalBlobRow,
        CancellationToken cancellationToken)
    {
        var partition = state.Partition;
        var batches = PlanTransactions(state, rowSets, finalBlobRow);
        var tokens = _observers.Select(o => o.BeforeCommit(partition)).ToArray();
        var finalETag = await SubmitAsync(state, batches, finalBlobRow, cancellationToken).ConfigureAwait(false);
        var changeLogPrefix = _changeLog.NewEntryPrefix();

        var listing = rowSets.SelectMany(r => DocumentRows.ListingRows(r.Meta, partition)).ToList();
        var oldListingKeys = state.Metas.SelectMany(ListingKeysOf).ToList();
        var newIds = rowSets.Select(r => r.Meta.GetString(Fields.DocumentId)).ToList();
        var changedIds = state.Metas.Select(m => m.GetString(Fields.DocumentId)).Concat(newIds).Distinct(StringComparer.Ordinal).ToList();
        if (_observers.Length > 0)
        {
            // This process's own index takes the documents as parsed: searchable now, and never read back.
            var removed = changedIds.Except(newIds, StringComparer.Ordinal).ToList();
            var keys = ChangeLog.RowKeys(changeLogPrefix, changedIds.Count);
            for (var i = 0; i < _observers.Length; i++)
            {
                await _observers[i].CommittedAsync(partition, tokens[i], keys, documents, removed, cancellationToken).ConfigureAwait(false);
            }
        }

        // The listing rows (one transaction per scope) and the change-log entry go out together: neither depends on
        // the other, and the blob row stays unpublished until both are written.
        await Task.WhenAll(
            WriteListingAsync(listing, oldListingKeys, cancellationToken),
            AppendChangeAsync(changeLogPrefix, partition, changedIds, cancellationToken)).ConfigureAwait(false);

        // The listing is another table, so it is written after the commit. A newer commit in between may have been
        // published before ours: marking the blob row published is conditional on the ETag of our commit, and when the
        // row moved on, the listing is rewritten from the current state.
        if (finalETag is { } etag && !await TryMarkPublishedAsync(partition, etag, cancellationToken).ConfigureAwait(false))
        {
            await RepublishAsync(partition, listing.Select(l => (l.PartitionKey, l.RowKey)), cancellationToken).ConfigureAwait(false);
        }

        return batches.Count;
    }

    /// <summary>
    /// Makes the listing rows of a partition match its meta rows as they are now, deleting <paramref name="stale"/>
    /// keys that are not current. Repeats while the partition keeps changing underneath (bounded).
    /// </summary>
    internal async Task RepublishAsync(string partition, IEnumerable<(string PartitionKey, string RowKey)> stale, CancellationToken cancellationToken)
    {
        var ours = stale.ToHashSet();
        for (var attempt = 1; attempt <= Options.MaxIngestAttempts; attempt++)
        {
            var state = await _store.ReadPartitionAsync(partition, cancellationToken).ConfigureAwait(false);
            var desired = state.Metas.SelectMany(m => DocumentRows.ListingRows(m, partition)).ToList();
            await WriteListingAsync(desired, ours, cancellationToken).ConfigureAwait(false);
            ours.UnionWith(desired.Select(d => (d.PartitionKey, d.RowKey)));
            if (state.BlobRow?.GetString(Fields.State) == BlobRowStates.Pending)
            {
                // A multi-transaction write is under way; it publishes its own listing when it completes.
                return;
            }

            if (state.IsPublished || state.BlobRow is null)
            {
                var current = await _store.ReadBlobRowETagAsync(partition, cancellationToken).ConfigureAwait(false);
                if (current == state.BlobRow?.ETag)
                {
                    return;
                }
            }
            else if (await TryMarkPublishedAsync(partition, state.BlobRow.ETag, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        _logger.LogWarning("The listing of partition {Partition} kept changing while it was rewritten; the reconciler will finish it", partition);
    }

    /// <summary>Marks the blob row published if it is still the version with <paramref name="etag"/>.</summary>
    private async Task<bool> TryMarkPublishedAsync(string partition, ETag etag, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(partition, StorageKeys.BlobRowKey(partition)) { [Fields.State] = BlobRowStates.Committed };
        try
        {
            await _store.Clients.DocumentsTable.UpdateEntityAsync(patch, etag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
        finally
        {
            Interlocked.Increment(ref _writeRequests);
        }
    }

    private async Task AppendChangeAsync(string prefix, string partition, IEnumerable<string> documentIds, CancellationToken cancellationToken)
    {
        await _changeLog.AppendAsync(prefix, partition, documentIds, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _writeRequests);
    }

    private async Task WriteListingAsync(IReadOnlyCollection<TableEntity> upserts, IEnumerable<(string, string)> deletes, CancellationToken cancellationToken)
    {
        var requests = await _store.WriteListingAsync(upserts, deletes, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _writeRequests, requests);
    }

    internal static IEnumerable<(string PartitionKey, string RowKey)> ListingKeysOf(TableEntity meta) =>
        StorageKeys.ScopesFor(meta.GetString(Fields.Source)).Select(scope => (scope, meta.GetString(Fields.ListingKey)));

    /// <summary>
    /// Orders the writes so a reader never sees half a document: chunk rows of a document too big for one transaction
    /// first (under a new version, invisible until a meta row points at them), then whole documents (meta row and
    /// chunks together), then the meta rows of big documents, then deletes of vanished documents, then old chunks.
    /// </summary>
    private List<List<TableTransactionAction>> PlanTransactions(PartitionState state, IReadOnlyList<DocumentRowSet> rowSets, TableEntity? finalBlobRow)
    {
        const int MaxEntities = 100;
        var blobRowBytes = WireSize.Of(finalBlobRow ?? new TableEntity(state.Partition, StorageKeys.BlobRowKey(state.Partition)));
        var capacityBytes = Options.MaxTransactionBytes - (2 * blobRowBytes);
        const int CapacityEntities = MaxEntities - 1;

        var keep = rowSets.SelectMany(r => r.Chunks.Prepend(r.Meta)).Select(e => e.RowKey).ToHashSet(StringComparer.Ordinal);
        var early = new List<List<TableTransactionAction>>();
        var whole = new List<List<TableTransactionAction>>();
        var late = new List<List<TableTransactionAction>>();
        foreach (var rows in rowSets)
        {
            var unit = rows.Chunks.Prepend(rows.Meta).Select(Upsert).ToList();
            if (unit.Count <= CapacityEntities && unit.Sum(a => WireSize.Of(a.Entity)) <= capacityBytes)
            {
                whole.Add(unit);
            }
            else
            {
                early.AddRange(rows.Chunks.Select(c => new List<TableTransactionAction> { Upsert(c) }));
                late.Add([Upsert(rows.Meta)]);
            }
        }

        var deleteMetas = state.Metas.Where(m => !keep.Contains(m.RowKey)).Select(m => new List<TableTransactionAction> { Delete(m) });
        var deleteOthers = state.Others.Where(o => !keep.Contains(o.RowKey)).Select(o => new List<TableTransactionAction> { Delete(o) });

        var batches = new List<List<TableTransactionAction>>();
        var batch = new List<TableTransactionAction>();
        long bytes = 0;
        foreach (var unit in early.Concat(whole).Concat(late).Concat(deleteMetas).Concat(deleteOthers))
        {
            var unitBytes = unit.Sum(a => WireSize.Of(a.Entity));
            if (batch.Count > 0 && (batch.Count + unit.Count > CapacityEntities || bytes + unitBytes > capacityBytes))
            {
                batches.Add(batch);
                batch = [];
                bytes = 0;
            }

            if (unitBytes > capacityBytes)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"A row of partition '{state.Partition}' needs {unitBytes} bytes on the wire, more than a transaction allows ({capacityBytes})."));
            }

            batch.AddRange(unit);
            bytes += unitBytes;
        }

        batches.Add(batch);

        // Removing a partition whose blob row is missing (rows a crash left behind) needs one transaction to insert the
        // blob row, which claims the partition, and a later one to delete it.
        if (finalBlobRow is null && state.BlobRow is null && batches.Count < 2)
        {
            batches.Add([]);
        }

        return batches;

        static TableTransactionAction Upsert(TableEntity entity) => new(TableTransactionActionType.UpsertReplace, entity);

        static TableTransactionAction Delete(TableEntity entity) =>
            new(TableTransactionActionType.Delete, new TableEntity(entity.PartitionKey, entity.RowKey), ETag.All);
    }

    /// <summary>
    /// Submits the transactions in order, each with a write of the blob row conditioned on the previous ETag (insert
    /// only when there was none). Returns the blob row's final ETag (null after removing the partition).
    /// </summary>
    private async Task<ETag?> SubmitAsync(
        PartitionState state, List<List<TableTransactionAction>> batches, TableEntity? finalBlobRow, CancellationToken cancellationToken)
    {
        var table = _store.Clients.DocumentsTable;
        var partition = state.Partition;
        var pendingVersion = finalBlobRow?.GetString(Fields.BodyVersion) ?? "delete";
        var blobName = finalBlobRow?.GetString(Fields.BlobName)
            ?? state.AllRows.Select(r => r.GetString(Fields.BlobName)).FirstOrDefault(n => n is not null);
        var etag = state.BlobRow?.ETag;
        for (var i = 0; i < batches.Count; i++)
        {
            var last = i == batches.Count - 1;
            TableTransactionAction blobAction;
            if (last && finalBlobRow is null)
            {
                blobAction = new(TableTransactionActionType.Delete, new TableEntity(partition, StorageKeys.BlobRowKey(partition)), etag!.Value);
            }
            else
            {
                var row = last ? finalBlobRow! : new TableEntity(partition, StorageKeys.BlobRowKey(partition))
                {
                    [Fields.Kind] = RowKinds.Blob,
                    [Fields.BlobName] = blobName,
                    [Fields.State] = BlobRowStates.Pending,
                    [Fields.PendingVersion] = pendingVersion,
                };
                blobAction = etag is null
                    ? new(TableTransactionActionType.Add, row)
                    : new(last ? TableTransactionActionType.UpdateReplace : TableTransactionActionType.UpdateMerge, row, etag.Value);
            }

            Response<IReadOnlyList<Response>> response;
            try
            {
                response = await table.SubmitTransactionAsync([blobAction, .. batches[i]], cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
            {
                // Another writer changed the partition since it was read (or a row vanished behind our back).
                throw new WriteConflictException(partition, ex);
            }
            finally
            {
                Interlocked.Increment(ref _writeRequests);
            }

            etag = last && finalBlobRow is null ? null : response.Value[0].Headers.ETag
                ?? await _store.ReadBlobRowETagAsync(partition, cancellationToken).ConfigureAwait(false);
        }

        return etag;
    }

    private async Task RecordBlobETagAsync(TableEntity blobRow, DownloadedBlob blob, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(blobRow.PartitionKey, blobRow.RowKey)
        {
            [Fields.BlobETag] = blob.ETag.ToString(),
            [Fields.BlobMd5] = blob.Md5,
        };
        try
        {
            await _store.Clients.DocumentsTable.UpdateEntityAsync(patch, blobRow.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            throw new WriteConflictException(blobRow.PartitionKey, ex);
        }
        finally
        {
            Interlocked.Increment(ref _writeRequests);
        }
    }

    private ImmutableArray<Document> Parse(string blobName, string partition, DownloadedBlob blob)
    {
        ImmutableArray<Document> documents;
        if (blob.Content is null)
        {
            documents = [FailedDocument(blobName, blob, string.Create(CultureInfo.InvariantCulture,
                $"The blob is {blob.Length} bytes; the limit is {_parser.Options.MaxSizeBytes} bytes."))];
        }
        else
        {
            documents = Parser(blobName, blob.Content, blob.ContentType);
        }

        // Rows are addressed by id, and a transaction may not touch a row twice.
        var distinct = documents.DistinctBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
        foreach (var document in distinct)
        {
            if (StorageKeys.PartitionForDocument(document.Id) != partition)
            {
                throw new InvalidOperationException(
                    $"The parser gave document id '{document.Id}' to blob '{blobName}'; ids must come from DocumentId.For(blobName[, index]).");
            }
        }

        return distinct.IsEmpty
            ? [FailedDocument(blobName, blob, "The parser found no document.")]
            : distinct;
    }

    private static Document FailedDocument(string blobName, DownloadedBlob blob, string reason) => new()
    {
        Id = DocumentId.For(blobName),
        BlobName = blobName,
        Status = DocumentStatus.Failed,
        FailureReason = reason,
        ContentHash = blob.ContentHash,
        ContentType = blob.ContentType ?? "application/octet-stream",
        SizeBytes = blob.Length,
    };

    /// <summary>
    /// Downloads the blob unless its ETag is <paramref name="ifNoneMatch"/>. Null when the blob does not exist.
    /// Content beyond the parser's size limit is hashed while streaming and not kept.
    /// </summary>
    private async Task<DownloadedBlob?> DownloadAsync(string blobName, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        var client = _store.Clients.Documents.GetBlobClient(blobName);
        var options = new BlobDownloadOptions
        {
            Conditions = ifNoneMatch is null ? null : new BlobRequestConditions { IfNoneMatch = new ETag(ifNoneMatch) },
        };
        BlobDownloadStreamingResult result;
        try
        {
            var response = await client.DownloadStreamingAsync(options, cancellationToken).ConfigureAwait(false);
            if (response.GetRawResponse().Status == 304)
            {
                return DownloadedBlob.Unmodified;
            }

            result = response.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 304)
        {
            return DownloadedBlob.Unmodified;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        using (result)
        {
            var details = result.Details;
            var length = details.ContentLength;
            var md5 = details.BlobContentHash is { Length: > 0 } blobMd5 ? Convert.ToBase64String(blobMd5)
                : details.ContentHash is { Length: > 0 } rangeMd5 ? Convert.ToBase64String(rangeMd5)
                : null;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            byte[]? content = null;
            if (length <= _parser.Options.MaxSizeBytes)
            {
                content = new byte[length];
                await result.Content.ReadExactlyAsync(content, cancellationToken).ConfigureAwait(false);
                hash.AppendData(content);
            }
            else
            {
                var buffer = ArrayPool<byte>.Shared.Rent(81920);
                try
                {
                    int read;
                    while ((read = await result.Content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            return new DownloadedBlob(false, details.ETag, content, Convert.ToHexStringLower(hash.GetHashAndReset()), length, details.ContentType, md5);
        }
    }

    /// <summary>Exponential with full jitter (up to 1.6 s), so writers that collided spread out.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25 << Math.Min(attempt, 6)));

    private sealed record DownloadedBlob(bool NotModified, ETag ETag, byte[]? Content, string ContentHash, long Length, string? ContentType, string? Md5)
    {
        public static DownloadedBlob Unmodified { get; } = new(true, default, null, "", 0, null, null);
    }
}

/// <summary>A conditional write failed because another writer got there first; the operation starts over.</summary>
internal sealed class WriteConflictException(string partition, Exception innerException)
    : Exception($"Partition '{partition}' changed while it was being written.", innerException);
