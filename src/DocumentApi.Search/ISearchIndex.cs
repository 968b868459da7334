using DocumentApi.Core.Ports;

namespace DocumentApi.Search;

/// <summary>What the index keeps of a document: enough to match, rank, filter and build snippets.</summary>
public sealed record IndexedDocument(
    string Id,
    string? Title,
    string Text,
    DateTimeOffset? PublishedAt,
    string? Source);

/// <summary>
/// The in-memory search index of one instance. Table Storage is the source of truth; the index is rebuilt from a
/// snapshot and kept current from the change log (see DocumentApi.Storage). All members are thread-safe.
/// </summary>
public interface ISearchIndex : IDocumentSearch, IDisposable
{
    /// <summary>Number of documents searchable now.</summary>
    int Count { get; }

    /// <summary>Adds the document or replaces the one with the same id. Visible to searches after <see cref="Refresh"/>.</summary>
    void Upsert(IndexedDocument document);

    /// <summary>Removes the document with this id, if any. Visible to searches after <see cref="Refresh"/>.</summary>
    void Delete(string documentId);

    /// <summary>Removes every document. Visible to searches after <see cref="Refresh"/>.</summary>
    void Clear();

    /// <summary>Makes every change so far visible to searches. Cheap enough to call after each small batch.</summary>
    void Refresh();

    /// <summary>Writes the whole index to <paramref name="destination"/> in a form <see cref="LoadSnapshotAsync"/> reads.</summary>
    Task WriteSnapshotAsync(Stream destination, CancellationToken cancellationToken = default);

    /// <summary>Replaces the index's content with a snapshot written by <see cref="WriteSnapshotAsync"/>, and refreshes.</summary>
    Task LoadSnapshotAsync(Stream source, CancellationToken cancellationToken = default);
}
