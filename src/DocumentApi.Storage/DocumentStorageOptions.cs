using System.ComponentModel.DataAnnotations;

namespace DocumentApi.Storage;

/// <summary>
/// Where documents live and the limits of the storage layer. Bound from the <c>DocumentStorage</c> section, which
/// follows the Azure Functions connection convention: the section's own value is a connection string
/// (<c>DocumentStorage=UseDevelopmentStorage=true</c>), or identity-based settings sit under it
/// (<c>DocumentStorage__blobServiceUri</c>, <c>DocumentStorage__tableServiceUri</c>,
/// <c>DocumentStorage__credential=managedidentity</c>, <c>DocumentStorage__clientId</c>).
/// </summary>
public sealed class DocumentStorageOptions : IValidatableObject
{
    public const string SectionName = "DocumentStorage";

    /// <summary>The value Functions uses for identity-based connections that must use managed identity.</summary>
    public const string ManagedIdentityCredential = "managedidentity";

    /// <summary>A storage connection string; taken from the section's own value when not set explicitly.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob endpoint for identity-based access, e.g. <c>https://account.blob.core.windows.net</c>.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Table endpoint for identity-based access, e.g. <c>https://account.table.core.windows.net</c>.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary><c>managedidentity</c> to use only a managed identity; otherwise DefaultAzureCredential.</summary>
    public string? Credential { get; set; }

    /// <summary>Client id of a user-assigned managed identity.</summary>
    public string? ClientId { get; set; }

    /// <summary>The container documents are dropped into.</summary>
    [Required]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "ContainerName must be a valid blob container name.")]
    public string ContainerName { get; set; } = "documents";

    /// <summary>The container for the service's own state (the search snapshot).</summary>
    [Required]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "SystemContainerName must be a valid blob container name.")]
    public string SystemContainerName { get; set; } = "documentapi-system";

    /// <summary>Prepended to every table name so tests and environments can share an account.</summary>
    [RegularExpression("^([A-Za-z][A-Za-z0-9]{0,40})?$", ErrorMessage = "TablePrefix must be letters and digits, starting with a letter.")]
    public string TablePrefix { get; set; } = "";

    public string DocumentsTableName => TablePrefix + "Documents";

    public string ListingTableName => TablePrefix + "DocumentListing";

    public string ChangesTableName => TablePrefix + "DocumentChanges";

    /// <summary>Retries of one storage request before it counts as failed (Azure SDK exponential back-off).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay; each retry doubles it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>
    /// Blobs a reconciliation, or a container watcher, ingests at once. Storage, not this process, is usually the limit; many ingestions in
    /// flight let their listing rows and change-log entries share transactions (group commit).
    /// </summary>
    [Range(1, 64)]
    public int ReconcileParallelism { get; set; } = 32;

    /// <summary>Attempts an ingestion makes when concurrent writers keep winning before it gives up (transiently).</summary>
    [Range(1, 50)]
    public int MaxIngestAttempts { get; set; } = 10;

    /// <summary>
    /// Wire size at which a transaction is split. The service allows 4 MiB per request; the estimate counts the
    /// JSON escapes the Tables client sends (about 6 bytes per Arabic character), and the default keeps a margin.
    /// </summary>
    [Range(256 * 1024, 4 * 1024 * 1024)]
    public int MaxTransactionBytes { get; set; } = 3584 * 1024;

    /// <summary>Compressed bodies up to this size live in the document's meta row; larger ones get chunk rows.</summary>
    [Range(1, 256_000)]
    public int InlineBodyMaxBytes { get; set; } = 192_000;

    /// <summary>Compressed bytes per body chunk row (split into binary properties of at most 64,000 bytes).</summary>
    [Range(1, 640_000)]
    public int ChunkRowMaxBytes { get; set; } = 512_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        var hasServiceUris = BlobServiceUri is not null && TableServiceUri is not null;
        if (!hasConnectionString && !hasServiceUris)
        {
            yield return new ValidationResult(
                "Set DocumentStorage to a connection string, or both DocumentStorage__blobServiceUri and DocumentStorage__tableServiceUri.",
                [nameof(ConnectionString), nameof(BlobServiceUri), nameof(TableServiceUri)]);
        }

        if (Credential is not null && !string.Equals(Credential, ManagedIdentityCredential, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                $"DocumentStorage__credential may only be '{ManagedIdentityCredential}'.", [nameof(Credential)]);
        }
    }
}
