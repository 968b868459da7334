using Azure;
using Azure.Data.Tables;

namespace DocumentApi.Storage.Tables;

/// <summary>The table operations ingestion, the catalog and the reconciler share.</summary>
internal sealed class TableStore(StorageClients clients, TransactionCoalescer coalescer)
{
    public StorageClients Clients { get; } = clients;

    private DocumentStorageOptions Options => Clients.Options;

    /// <summary>One query of a blob's partition, without bodies.</summary>
    public async Task<PartitionState> ReadPartitionAsync(string partition, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var row in Clients.DocumentsTable.QueryAsync<TableEntity>(filter, select: Fields.Summary, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return PartitionState.From(partition, rows);
    }

    /// <summary>Every row of a partition, bodies included.</summary>
    public static async Task<List<TableEntity>> ReadPartitionWithBodiesAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The rows of one document (meta row first, then chunks) in one single-partition range query.</summary>
    public Task<List<TableEntity>> ReadDocumentRowsAsync(string partition, string documentId, CancellationToken cancellationToken) =>
        ReadDocumentRowsAsync(Clients.DocumentsTable, partition, documentId, cancellationToken);

    /// <inheritdoc cref="ReadDocumentRowsAsync(string, string, CancellationToken)"/>
    public static async Task<List<TableEntity>> ReadDocumentRowsAsync(TableClient table, string partition, string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new List<TableEntity>();
        var start = StorageKeys.DocumentRangeStart(documentId);
        var end = StorageKeys.DocumentRangeEnd(documentId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {start} and RowKey lt {end}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The blob row's current ETag, or null when there is none. A point read.</summary>
    public async Task<ETag?> ReadBlobRowETagAsync(string partition, CancellationToken cancellationToken)
    {
        var response = await Clients.DocumentsTable.GetEntityIfExistsAsync<TableEntity>(
            partition, StorageKeys.BlobRowKey(partition), [Fields.Kind], cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value!.ETag : null;
    }

    /// <summary>
    /// Writes listing rows and deletes listing keys, one transaction per scope partition and size limit, scopes in
    /// parallel. A key to delete that is already gone is not an error.
    /// </summary>
    public async Task<int> WriteListingAsync(
        IReadOnlyCollection<TableEntity> upserts, IEnumerable<(string PartitionKey, string RowKey)> deletes, CancellationToken cancellationToken)
    {
        var upsertKeys = upserts.Select(u => (u.PartitionKey, u.RowKey)).ToHashSet();
        var actions = deletes
            .Where(key => !upsertKeys.Contains(key))
            .Distinct()
            .Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(key.PartitionKey, key.RowKey), ETag.All))
            .Concat(upserts.Select(u => new TableTransactionAction(TableTransactionActionType.UpsertReplace, u)))
            .ToList();
        var batches = actions
            .GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(group => Batches(group.ToList(), Options.MaxTransactionBytes, maxEntities: 100))
            .ToList();
        var written = await Task.WhenAll(batches.Select(batch => SubmitIgnoringMissingDeletesAsync(Clients.ListingTable, batch, cancellationToken))).ConfigureAwait(false);
        return written.Sum();
    }

    /// <summary>Splits actions of one partition into transactions by count and estimated wire size, keeping order.</summary>
    public static IEnumerable<List<TableTransactionAction>> Batches(IReadOnlyList<TableTransactionAction> actions, long maxBytes, int maxEntities)
    {
        var batch = new List<TableTransactionAction>();
        long bytes = 0;
        foreach (var action in actions)
        {
            var size = WireSize.Of(action.Entity);
            if (batch.Count > 0 && (batch.Count >= maxEntities || bytes + size > maxBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(action);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task<int> SubmitIgnoringMissingDeletesAsync(TableClient table, List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        while (batch.Count > 0)
        {
            try
            {
                // Listing scopes are shared by every ingestion: concurrent writes to one scope go out together.
                await coalescer.SubmitAsync(table, batch, cancellationToken).ConfigureAwait(false);
                return 1;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404
                && ex.FailedTransactionActionIndex is { } index
                && batch[index].ActionType == TableTransactionActionType.Delete)
            {
                batch = [.. batch.Where((_, i) => i != index)];
            }
        }

        return 0;
    }
}
