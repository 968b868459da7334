using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace DocumentApi.Storage;

/// <summary>
/// The one set of storage clients of a process. Azure SDK clients are thread-safe and meant to be reused, so every
/// service shares these instead of creating its own.
/// </summary>
public sealed class StorageClients
{
    public StorageClients(IOptions<DocumentStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        if (!string.IsNullOrWhiteSpace(Options.ConnectionString))
        {
            BlobService = new BlobServiceClient(Options.ConnectionString);
            TableService = new TableServiceClient(Options.ConnectionString);
        }
        else
        {
            var credential = CreateCredential(Options);
            BlobService = new BlobServiceClient(Options.BlobServiceUri, credential);
            TableService = new TableServiceClient(Options.TableServiceUri, credential);
        }

        Documents = BlobService.GetBlobContainerClient(Options.ContainerName);
        System = BlobService.GetBlobContainerClient(Options.SystemContainerName);
        DocumentsTable = TableService.GetTableClient(Options.DocumentsTableName);
        ListingTable = TableService.GetTableClient(Options.ListingTableName);
        ChangesTable = TableService.GetTableClient(Options.ChangesTableName);
    }

    public DocumentStorageOptions Options { get; }

    public BlobServiceClient BlobService { get; }

    public TableServiceClient TableService { get; }

    /// <summary>The container documents are dropped into.</summary>
    public BlobContainerClient Documents { get; }

    /// <summary>The container for the service's own state.</summary>
    public BlobContainerClient System { get; }

    /// <summary>One partition per blob: the blob row, and per document a meta row and body chunk rows.</summary>
    public TableClient DocumentsTable { get; }

    /// <summary>Listing rows per scope, ordered newest first.</summary>
    public TableClient ListingTable { get; }

    /// <summary>The change log the search index follows.</summary>
    public TableClient ChangesTable { get; }

    /// <summary>Creates the containers and tables when they do not exist; safe to call from every instance.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(
            Documents.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            System.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            DocumentsTable.CreateIfNotExistsAsync(cancellationToken),
            ListingTable.CreateIfNotExistsAsync(cancellationToken),
            ChangesTable.CreateIfNotExistsAsync(cancellationToken)).ConfigureAwait(false);
    }

    private static TokenCredential CreateCredential(DocumentStorageOptions options)
    {
        var clientId = string.IsNullOrWhiteSpace(options.ClientId) ? null : options.ClientId;
        if (string.Equals(options.Credential, DocumentStorageOptions.ManagedIdentityCredential, StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(clientId is null
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
