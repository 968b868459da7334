using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using DocumentApi.Core.Documents;
using DocumentApi.Core.Ports;
using DocumentApi.Storage.Tables;
using Microsoft.Extensions.Logging;

namespace DocumentApi.Storage;

/// <summary>
/// The read side over Table and Blob Storage: a listing page is one range query of one listing partition, a document
/// is one single-partition range query. Ids that are not well formed never reach a query.
/// </summary>
internal sealed class TableDocumentCatalog(TableStore store, ILogger<TableDocumentCatalog> logger) : IDocumentCatalog
{
    public const int MaxTop = 100;

    /// <summary>Reads that raced a writer's cleanup of old chunks try again this many times.</summary>
    private const int ReadAttempts = 3;

    private StorageClients Clients => store.Clients;

    public async Task<DocumentPage> ListAsync(DocumentListQuery query, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ListCoreAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsTransient(ex))
        {
            throw StorageErrors.Transient("listing documents", ex);
        }
    }

    public async Task<CatalogEntry?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetCoreAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsTransient(ex))
        {
            throw StorageErrors.Transient("reading a document", ex);
        }
    }

    public async Task<DocumentContent?> OpenContentAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            return await OpenContentCoreAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsTransient(ex))
        {
            throw StorageErrors.Transient("opening a blob", ex);
        }
    }

    private async Task<DocumentPage> ListCoreAsync(DocumentListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Top, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Top, MaxTop, nameof(query));

        var scope = string.IsNullOrEmpty(query.Source) ? StorageKeys.AllScope : StorageKeys.SourceScope(query.Source);
        var (lower, upper) = StorageKeys.ListingBounds(query.From, query.To);
        var filter = (lower, upper) switch
        {
            (null, null) => TableClient.CreateQueryFilter($"PartitionKey eq {scope}"),
            _ => TableClient.CreateQueryFilter($"PartitionKey eq {scope} and RowKey ge {lower} and RowKey lt {upper}"),
        };

        var pages = Clients.ListingTable.QueryAsync<TableEntity>(filter, maxPerPage: query.Top, cancellationToken: cancellationToken)
            .AsPages(string.IsNullOrEmpty(query.Cursor) ? null : query.Cursor, query.Top);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            var items = page.Values.Select(DocumentRows.ReadSummary).ToList();
            return new DocumentPage(items, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new DocumentPage([], null);
    }

    private async Task<CatalogEntry?> GetCoreAsync(string id, CancellationToken cancellationToken)
    {
        var partition = StorageKeys.PartitionForDocument(id);
        if (partition is null)
        {
            return null;
        }

        for (var attempt = 1; attempt <= ReadAttempts; attempt++)
        {
            var rows = await store.ReadDocumentRowsAsync(partition, id, cancellationToken).ConfigureAwait(false);
            var meta = rows.FirstOrDefault(r => r.RowKey == StorageKeys.MetaRowKey(id));
            if (meta is null)
            {
                return null;
            }

            var document = DocumentRows.Materialize(meta, rows);
            if (document is not null)
            {
                var ingestedAt = meta.GetDateTimeOffset(Fields.IngestedAt) ?? DateTimeOffset.MinValue;
                return new CatalogEntry(document, ingestedAt, ETagFor(document, meta.GetString(Fields.BodyVersion)));
            }

            logger.LogDebug("Document {DocumentId} changed while it was read (attempt {Attempt})", id, attempt);
        }

        throw new TransientStorageException($"Document '{id}' kept changing while it was read.");
    }

    private async Task<DocumentContent?> OpenContentCoreAsync(string id, CancellationToken cancellationToken)
    {
        var partition = StorageKeys.PartitionForDocument(id);
        if (partition is null)
        {
            return null;
        }

        var meta = await Clients.DocumentsTable.GetEntityIfExistsAsync<TableEntity>(
            partition, StorageKeys.MetaRowKey(id), [Fields.BlobName, Fields.ContentType], cancellationToken).ConfigureAwait(false);
        if (!meta.HasValue || meta.Value!.GetString(Fields.BlobName) is not { } blobName)
        {
            return null;
        }

        try
        {
            var download = await Clients.Documents.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var details = download.Value.Details;
            var contentType = string.IsNullOrEmpty(details.ContentType)
                ? meta.Value.GetString(Fields.ContentType) ?? "application/octet-stream"
                : details.ContentType;
            return new DocumentContent(download.Value.Content, contentType, details.ContentLength, details.ETag.ToString("H"));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<CatalogHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            var container = Clients.Documents.ExistsAsync(timeout.Token);
            await ProbeListingTableAsync(timeout.Token).ConfigureAwait(false);
            return (await container.ConfigureAwait(false)).Value
                ? new CatalogHealth(true)
                : new CatalogHealth(false, $"Container '{Clients.Options.ContainerName}' does not exist.");
        }
        catch (RequestFailedException ex)
        {
            // Any answer but success means storage is not usable; the status is in the message for the logs.
            return new CatalogHealth(false, ex.Message);
        }
        catch (AggregateException ex)
        {
            // The SDK's retry policy gives up on unreachable endpoints with the attempts' exceptions.
            return new CatalogHealth(false, ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CatalogHealth(false, "Storage did not answer within 5 seconds.");
        }
    }

    /// <summary>
    /// A point read of a key no row has: "no such entity" proves the table is there and answering. Not a query, which
    /// costs in proportion to the table on Azurite (it scans and sorts every row even for the first one), and health is
    /// polled often.
    /// </summary>
    private async Task ProbeListingTableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Clients.ListingTable.GetEntityAsync<TableEntity>("health", "probe", ["PartitionKey"], cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode == "ResourceNotFound")
        {
            // The table exists; the row never does.
        }
    }

    /// <summary>
    /// A strong entity tag of a stored document: a function of its id, its blob's bytes and the stored version, so it
    /// changes whenever the document can differ (new bytes, or a forced re-parse) and equal bytes re-uploaded keep it.
    /// </summary>
    internal static string ETagFor(Document document, string? bodyVersion)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(document.Id + "\n" + document.ContentHash + "\n" + bodyVersion));
        return "\"" + Convert.ToHexStringLower(hash)[..32] + "\"";
    }
}
