using DocumentApi.Core.Documents;

namespace DocumentApi.Core.Ports;

/// <summary>Read side of the document store, as the HTTP API needs it. Implemented over Table and Blob Storage.</summary>
public interface IDocumentCatalog
{
    /// <summary>Newest first (<c>publishedAt</c>, then ingestion time); one ordered range query per page.</summary>
    Task<DocumentPage> ListAsync(DocumentListQuery query, CancellationToken cancellationToken = default);

    /// <summary>The whole document, or null when no document has this id.</summary>
    Task<CatalogEntry?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The original bytes of the document's blob, or null when the document or its blob is gone.</summary>
    Task<DocumentContent?> OpenContentAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Whether storage answers (a cheap round trip to the tables and the container).</summary>
    Task<CatalogHealth> CheckHealthAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// A page request. <paramref name="Cursor"/> is the storage position returned with the previous page, passed back
/// unchanged (the HTTP layer signs it so clients cannot forge one).
/// </summary>
public sealed record DocumentListQuery(
    int Top,
    string? Source = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Cursor = null);

public sealed record DocumentPage(IReadOnlyList<DocumentSummary> Items, string? Cursor);

/// <summary>The fields a listing shows; stored denormalised so a page is one query.</summary>
public sealed record DocumentSummary(
    string Id,
    string BlobName,
    DocumentStatus Status,
    string? Title,
    bool TitleIsDerived,
    DateTimeOffset? PublishedAt,
    string? Source,
    string Language,
    int WordCount,
    long SizeBytes,
    string ContentType,
    DateTimeOffset IngestedAt);

/// <summary>A stored document with what storage adds: when it was ingested and a strong ETag of this version.</summary>
public sealed record CatalogEntry(Document Document, DateTimeOffset IngestedAt, string ETag);

/// <summary>The original bytes of a blob. The caller disposes <paramref name="Content"/>.</summary>
public sealed record DocumentContent(Stream Content, string ContentType, long Length, string ETag);

/// <summary><paramref name="Problem"/> is for logs only: it may hold storage error text that clients must not see.</summary>
public sealed record CatalogHealth(bool StorageReachable, string? Problem = null);
