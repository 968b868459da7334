using System.Globalization;
using Azure.Data.Tables;
using DocumentApi.Core.Documents;
using DocumentApi.Core.Ports;

namespace DocumentApi.Storage.Tables;

/// <summary>Property names shared by the rows of the documents and listing tables.</summary>
internal static class Fields
{
    public const string Kind = "Kind";
    public const string DocumentId = "DocumentId";
    public const string BlobName = "BlobName";
    public const string BlobPartition = "BlobPartition";
    public const string ElementIndex = "ElementIndex";
    public const string Status = "Status";
    public const string FailureReason = "FailureReason";
    public const string Title = "Title";
    public const string TitleIsDerived = "TitleIsDerived";
    public const string PublishedAt = "PublishedAt";
    public const string Source = "Source";
    public const string Language = "Language";
    public const string WordCount = "WordCount";
    public const string SizeBytes = "SizeBytes";
    public const string ContentType = "ContentType";
    public const string ContentHash = "ContentHash";
    public const string IngestedAt = "IngestedAt";
    public const string ListingKey = "ListingKey";
    public const string BodyVersion = "BodyVersion";
    public const string BodyChunks = "BodyChunks";
    public const string BodySegments = "BodySegments";
    public const string ChunkIndex = "ChunkIndex";

    // Blob row.
    public const string BlobETag = "BlobETag";
    public const string BlobMd5 = "BlobMd5";
    public const string DocumentCount = "DocumentCount";
    public const string State = "State";
    public const string PendingVersion = "PendingVersion";

    /// <summary>Inline or chunk body segments are <c>B0</c>, <c>B1</c>, …</summary>
    public static string Segment(int index) => string.Create(CultureInfo.InvariantCulture, $"B{index}");

    /// <summary>What a summary needs; selected in listings and in every read that skips the bodies.</summary>
    public static readonly string[] Summary =
    [
        "PartitionKey", "RowKey", "Timestamp", Kind, DocumentId, BlobName, Status, Title, TitleIsDerived, PublishedAt, Source,
        Language, WordCount, SizeBytes, ContentType, IngestedAt, ListingKey, ContentHash, BodyVersion, BodyChunks,
        BlobETag, BlobMd5, DocumentCount, State, ChunkIndex,
    ];
}

internal static class RowKinds
{
    public const string Blob = "blob";
    public const string Meta = "doc";
    public const string Chunk = "chunk";
}

internal static class BlobRowStates
{
    /// <summary>The partition matches the blob named by <see cref="Fields.BlobETag"/>, and so do its listing rows and the change log.</summary>
    public const string Committed = "committed";

    /// <summary>The partition matches the blob; its listing rows and change-log entry may not be written yet.</summary>
    public const string Unpublished = "unpublished";

    /// <summary>A multi-transaction write is under way (or crashed): the partition may be between versions.</summary>
    public const string Pending = "pending";
}

/// <summary>A document as rows: its meta row and the chunk rows its body needs beyond what fits inline.</summary>
internal sealed record DocumentRowSet(TableEntity Meta, IReadOnlyList<TableEntity> Chunks);

/// <summary>Converts documents to and from table rows. Table entities never leave DocumentApi.Storage.</summary>
internal static class DocumentRows
{
    /// <summary>Long titles and reasons are cut in summaries; the full values are kept in the compressed body.</summary>
    public const int MaxSummaryTextLength = 1024;

    public static DocumentRowSet ToRows(
        Document document, string partition, DateTimeOffset ingestedAt, string version, DocumentStorageOptions options)
    {
        var body = BodyCodec.Encode(document);
        var meta = new TableEntity(partition, StorageKeys.MetaRowKey(document.Id))
        {
            [Fields.Kind] = RowKinds.Meta,
            [Fields.ElementIndex] = document.ElementIndex,
            [Fields.ContentHash] = document.ContentHash,
            [Fields.BodyVersion] = version,
        };
        WriteSummary(meta, ToSummary(document, ingestedAt), document.FailureReason);

        var chunks = new List<TableEntity>();
        if (body.Length <= options.InlineBodyMaxBytes)
        {
            meta[Fields.BodyChunks] = 0;
            WriteSegments(meta, body);
        }
        else
        {
            var index = 0;
            foreach (var piece in BodyCodec.Split(body, options.ChunkRowMaxBytes))
            {
                var chunk = new TableEntity(partition, StorageKeys.ChunkRowKey(document.Id, version, index))
                {
                    [Fields.Kind] = RowKinds.Chunk,
                    [Fields.DocumentId] = document.Id,
                    [Fields.BodyVersion] = version,
                    [Fields.ChunkIndex] = index,
                };
                WriteSegments(chunk, piece);
                chunks.Add(chunk);
                index++;
            }

            meta[Fields.BodyChunks] = chunks.Count;
            meta[Fields.BodySegments] = 0;
        }

        return new DocumentRowSet(meta, chunks);
    }

    public static DocumentSummary ToSummary(Document document, DateTimeOffset ingestedAt) => new(
        document.Id,
        document.BlobName,
        document.Status,
        Truncate(document.Title),
        document.TitleIsDerived,
        document.PublishedAt,
        document.Source,
        document.Language,
        document.WordCount,
        document.SizeBytes,
        document.ContentType,
        ingestedAt);

    /// <summary>Writes the summary fields (shared by meta rows and listing rows) and the listing sort key.</summary>
    public static void WriteSummary(TableEntity entity, DocumentSummary summary, string? failureReason = null)
    {
        entity[Fields.DocumentId] = summary.Id;
        entity[Fields.BlobName] = summary.BlobName;
        entity[Fields.Status] = summary.Status.ToString();
        entity[Fields.Title] = summary.Title;
        entity[Fields.TitleIsDerived] = summary.TitleIsDerived;
        entity[Fields.PublishedAt] = summary.PublishedAt;
        entity[Fields.Source] = summary.Source;
        entity[Fields.Language] = summary.Language;
        entity[Fields.WordCount] = summary.WordCount;
        entity[Fields.SizeBytes] = summary.SizeBytes;
        entity[Fields.ContentType] = summary.ContentType;
        entity[Fields.IngestedAt] = summary.IngestedAt;
        entity[Fields.ListingKey] = StorageKeys.ListingRowKey(summary.PublishedAt, summary.IngestedAt, summary.Id);
        if (failureReason is not null)
        {
            entity[Fields.FailureReason] = Truncate(failureReason);
        }
    }

    public static DocumentSummary ReadSummary(TableEntity entity) => new(
        entity.GetString(Fields.DocumentId),
        entity.GetString(Fields.BlobName),
        Enum.TryParse<DocumentStatus>(entity.GetString(Fields.Status), out var status) ? status : DocumentStatus.Failed,
        entity.GetString(Fields.Title),
        entity.GetBoolean(Fields.TitleIsDerived) ?? false,
        entity.GetDateTimeOffset(Fields.PublishedAt),
        entity.GetString(Fields.Source),
        entity.GetString(Fields.Language) ?? DocumentLanguage.Undetermined,
        entity.GetInt32(Fields.WordCount) ?? 0,
        entity.GetInt64(Fields.SizeBytes) ?? 0,
        entity.GetString(Fields.ContentType) ?? "application/octet-stream",
        entity.GetDateTimeOffset(Fields.IngestedAt) ?? DateTimeOffset.MinValue);

    /// <summary>The listing rows a meta row implies: one per scope, all with the same sort key.</summary>
    public static IEnumerable<TableEntity> ListingRows(TableEntity meta, string blobPartition)
    {
        var rowKey = meta.GetString(Fields.ListingKey);
        if (rowKey is null || meta.GetString(Fields.DocumentId) is null)
        {
            // Not a row this code wrote; the deep reconciler rewrites its partition.
            yield break;
        }

        var summary = ReadSummary(meta);
        foreach (var scope in StorageKeys.ScopesFor(summary.Source))
        {
            var row = new TableEntity(scope, rowKey) { [Fields.BlobPartition] = blobPartition };
            WriteSummary(row, summary);
            yield return row;
        }
    }

    /// <summary>
    /// Rebuilds a document from its meta row and the rows after it. Returns null when the chunk rows of the meta
    /// row's version are not all there (a reader that raced a writer's cleanup reads again).
    /// </summary>
    public static Document? Materialize(TableEntity meta, IEnumerable<TableEntity> rows)
    {
        var chunkCount = meta.GetInt32(Fields.BodyChunks) ?? 0;
        if (chunkCount == 0)
        {
            return BodyCodec.Decode(ReadSegments(meta));
        }

        var version = meta.GetString(Fields.BodyVersion);
        var chunks = rows
            .Where(r => r.GetString(Fields.Kind) == RowKinds.Chunk && r.GetString(Fields.BodyVersion) == version)
            .OrderBy(r => r.GetInt32(Fields.ChunkIndex))
            .ToList();
        if (chunks.Count != chunkCount)
        {
            return null;
        }

        return BodyCodec.Decode(chunks.SelectMany(ReadSegments));
    }

    /// <summary>Every document in a partition's rows; a document whose chunks are incomplete maps to null.</summary>
    public static Dictionary<string, Document?> MaterializeAll(IReadOnlyCollection<TableEntity> rows)
    {
        var chunksByDocument = rows
            .Where(r => r.GetString(Fields.Kind) == RowKinds.Chunk)
            .ToLookup(r => r.GetString(Fields.DocumentId), StringComparer.Ordinal);
        var documents = new Dictionary<string, Document?>(StringComparer.Ordinal);
        foreach (var meta in rows.Where(r => r.GetString(Fields.Kind) == RowKinds.Meta))
        {
            var id = meta.GetString(Fields.DocumentId);
            documents[id] = Materialize(meta, chunksByDocument[id]);
        }

        return documents;
    }

    public static string? Truncate(string? text) =>
        text is { Length: > MaxSummaryTextLength } ? string.Concat(text.AsSpan(0, MaxSummaryTextLength - 1), "…") : text;

    private static void WriteSegments(TableEntity entity, ReadOnlyMemory<byte> bytes)
    {
        var count = 0;
        foreach (var segment in BodyCodec.Split(bytes, BodyCodec.MaxSegmentBytes))
        {
            entity[Fields.Segment(count++)] = segment.ToArray();
        }

        entity[Fields.BodySegments] = count;
    }

    private static IEnumerable<ReadOnlyMemory<byte>> ReadSegments(TableEntity entity)
    {
        var count = entity.GetInt32(Fields.BodySegments) ?? 0;
        for (var i = 0; i < count; i++)
        {
            yield return entity.GetBinary(Fields.Segment(i));
        }
    }
}
