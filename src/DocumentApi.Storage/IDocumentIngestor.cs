using System.Collections.Immutable;

namespace DocumentApi.Storage;

/// <summary>Makes the tables agree with a blob as it is now.</summary>
public interface IDocumentIngestor
{
    /// <summary>
    /// Reads the blob (content and ETag) and stores what it holds, replacing every row of the previous version; removes
    /// the documents when the blob is gone; writes nothing when the stored version is this one. Safe to run twice,
    /// concurrently or out of order: an older version never overwrites a newer one. A blob that cannot be parsed is
    /// stored as failed. Throws <see cref="TransientStorageException"/> when storage keeps refusing, so the caller's
    /// retry policy runs it again.
    /// </summary>
    Task<IngestResult> IngestAsync(string blobName, CancellationToken cancellationToken = default);
}

public enum IngestOutcome
{
    /// <summary>The blob had no stored documents before.</summary>
    Created,

    /// <summary>A new version replaced the stored one.</summary>
    Updated,

    /// <summary>The stored documents already are this version; no document was written.</summary>
    Unchanged,

    /// <summary>The blob is gone and its documents were removed.</summary>
    Deleted,

    /// <summary>The blob could not be parsed; it is stored as a failed document with the reason.</summary>
    Failed,
}

/// <summary>
/// What an ingestion did. <paramref name="DocumentIds"/> are the documents the blob holds now;
/// <paramref name="RemovedDocumentIds"/> are stored documents that no longer exist (a shorter array, a deleted blob).
/// </summary>
public sealed record IngestResult(
    string BlobName,
    IngestOutcome Outcome,
    ImmutableArray<string> DocumentIds,
    ImmutableArray<string> RemovedDocumentIds);

/// <summary>
/// Storage failed in a way worth retrying later: concurrent writers kept winning, or the service timed out, throttled or
/// failed (no response, 408, 429, 5xx). What was written is consistent (a reader never sees half a document), and running
/// the operation again completes it. Other storage failures (configuration, permissions) propagate as they are.
/// </summary>
public sealed class TransientStorageException : Exception
{
    public TransientStorageException()
    {
    }

    public TransientStorageException(string message)
        : base(message)
    {
    }

    public TransientStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
