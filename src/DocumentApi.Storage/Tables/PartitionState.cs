using Azure.Data.Tables;

namespace DocumentApi.Storage.Tables;

/// <summary>
/// What a blob's partition holds, without bodies: the blob row (with its ETag, which every write of the partition
/// changes), the meta rows with their summaries, and the keys of every other row.
/// </summary>
internal sealed record PartitionState(string Partition, TableEntity? BlobRow, IReadOnlyList<TableEntity> Metas, IReadOnlyList<TableEntity> Others)
{
    public bool IsEmpty => BlobRow is null && Metas.Count == 0 && Others.Count == 0;

    /// <summary>The rows are a complete version (published or not).</summary>
    public bool IsCommitted => BlobRow?.GetString(Fields.State) is BlobRowStates.Committed or BlobRowStates.Unpublished;

    public bool IsPublished => BlobRow?.GetString(Fields.State) == BlobRowStates.Committed;

    public IEnumerable<TableEntity> AllRows =>
        (BlobRow is null ? Enumerable.Empty<TableEntity>() : [BlobRow]).Concat(Metas).Concat(Others);

    public static PartitionState From(string partition, IEnumerable<TableEntity> rows)
    {
        TableEntity? blobRow = null;
        var metas = new List<TableEntity>();
        var others = new List<TableEntity>();
        foreach (var row in rows)
        {
            if (row.RowKey == StorageKeys.BlobRowKey(partition))
            {
                blobRow = row;
            }
            else if (row.GetString(Fields.Kind) == RowKinds.Meta)
            {
                metas.Add(row);
            }
            else
            {
                others.Add(row);
            }
        }

        return new PartitionState(partition, blobRow, metas, others);
    }

    /// <summary>True when the chunk rows the meta rows point at are all there and nothing else is.</summary>
    public bool IsConsistent()
    {
        if (BlobRow is null || !IsCommitted || BlobRow.GetInt32(Fields.DocumentCount) != Metas.Count)
        {
            return false;
        }

        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var meta in Metas)
        {
            var id = meta.GetString(Fields.DocumentId);
            if (id is null || meta.RowKey != StorageKeys.MetaRowKey(id) || meta.GetString(Fields.ListingKey) is null)
            {
                return false;
            }

            var version = meta.GetString(Fields.BodyVersion);
            for (var i = 0; i < (meta.GetInt32(Fields.BodyChunks) ?? 0); i++)
            {
                expected.Add(StorageKeys.ChunkRowKey(id, version ?? "", i));
            }
        }

        return expected.SetEquals(Others.Select(o => o.RowKey));
    }
}
