using System.Collections.Immutable;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using DocumentApi.Storage.Tables;

namespace DocumentApi.Storage;

/// <summary>One change-log row: these documents (of this blob's partition) changed at <see cref="Key"/>'s time.</summary>
public sealed record ChangeLogEntry(string Key, string BlobPartition, ImmutableArray<string> DocumentIds);

/// <summary>
/// An append-only log of document changes, ordered by the writer's clock. One partition: polling "everything after
/// cursor X" is one range query, and the write rate of a news feed is far below a partition's limit. Entries say
/// only which ids changed; readers re-read the current state, so duplicates and reordering are harmless.
/// </summary>
public sealed class ChangeLog(StorageClients clients, TransactionCoalescer coalescer, TimeProvider timeProvider)
{
    private const string Partition = "log";
    private const string DocumentIdsField = "DocumentIds";

    /// <summary>Ids per row: a string property holds 32K UTF-16 characters and an id is at most 72.</summary>
    private const int IdsPerRow = 400;

    /// <summary>The cursor for a point in time: entries after it were written later (by the writer's clock).</summary>
    public static string KeyFor(DateTimeOffset time) =>
        time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The time part of a key.</summary>
    public static DateTimeOffset TimeOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new DateTimeOffset(long.Parse(key.AsSpan(0, 19), CultureInfo.InvariantCulture), TimeSpan.Zero);
    }

    /// <summary>A new entry's key prefix, taken from the clock now: its rows are <see cref="RowKeys"/>.</summary>
    public string NewEntryPrefix() =>
        string.Create(CultureInfo.InvariantCulture, $"{KeyFor(timeProvider.GetUtcNow())}-{Guid.NewGuid():N}");

    /// <summary>The row keys of an entry with <paramref name="prefix"/> listing <paramref name="distinctIds"/> ids.</summary>
    public static IReadOnlyList<string> RowKeys(string prefix, int distinctIds) =>
        [.. Enumerable.Range(0, Math.Max(1, (distinctIds + IdsPerRow - 1) / IdsPerRow)).Select(i => RowKey(prefix, i))];

    /// <summary>
    /// Appends the entry <paramref name="prefix"/> (from <see cref="NewEntryPrefix"/>, taken once the change is
    /// committed): several rows for a very large array blob, in one transaction per 100 rows.
    /// </summary>
    public async Task AppendAsync(string prefix, string blobPartition, IEnumerable<string> documentIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var ids = documentIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var rows = ids.Chunk(IdsPerRow).Select((part, i) => new TableEntity(Partition, RowKey(prefix, i))
        {
            [Fields.BlobPartition] = blobPartition,
            [DocumentIdsField] = string.Join(',', part),
        });
        foreach (var batch in rows.Chunk(100))
        {
            // Every ingestion appends to this one partition: concurrent appends go out in one transaction.
            await coalescer.SubmitAsync(
                clients.ChangesTable, [.. batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r))], cancellationToken).ConfigureAwait(false);
        }
    }

    private static string RowKey(string prefix, int row) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{row:D4}");

    /// <summary>Entries with a key after <paramref name="afterKey"/> (all when null), oldest first.</summary>
    public async Task<IReadOnlyList<ChangeLogEntry>> ReadAfterAsync(string? afterKey, CancellationToken cancellationToken = default) =>
        await ReadAfterAsync(afterKey, int.MaxValue, cancellationToken).ConfigureAwait(false);

    /// <summary>At most <paramref name="max"/> entries with a key after <paramref name="afterKey"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ChangeLogEntry>> ReadAfterAsync(string? afterKey, int max, CancellationToken cancellationToken = default)
    {
        var filter = afterKey is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {afterKey}");
        var entries = new List<ChangeLogEntry>();
        await foreach (var row in clients.ChangesTable.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var ids = row.GetString(DocumentIdsField) is { Length: > 0 } joined ? joined.Split(',').ToImmutableArray() : [];
            entries.Add(new ChangeLogEntry(row.RowKey, row.GetString(Fields.BlobPartition) ?? "", ids));
            if (entries.Count >= max)
            {
                break;
            }
        }

        return entries;
    }

    /// <summary>Deletes entries with a key before <paramref name="beforeKey"/>; returns how many.</summary>
    public async Task<int> PruneAsync(string beforeKey, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {beforeKey}");
        var keys = new List<string>();
        await foreach (var row in clients.ChangesTable.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(row.RowKey);
        }

        foreach (var batch in keys.Chunk(100))
        {
            try
            {
                await clients.ChangesTable.SubmitTransactionAsync(
                    batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, k), ETag.All)),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // Another instance pruned some of these first; delete what is left one by one (a 404 is not an error there).
                foreach (var key in batch)
                {
                    await clients.ChangesTable.DeleteEntityAsync(Partition, key, ETag.All, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return keys.Count;
    }
}
