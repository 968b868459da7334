using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace DocumentApi.Search;

/// <summary>The Lucene fields of an indexed document.</summary>
internal static class IndexFields
{
    /// <summary>Keyword, stored: the document id, the key of updates and deletes.</summary>
    public const string Id = "id";

    /// <summary>Analysed with positions, stored: ranked above the body.</summary>
    public const string Title = "title";

    /// <summary>Analysed with positions and offsets (for snippets), stored.</summary>
    public const string Body = "body";

    /// <summary>Keyword, stored: filtered by exact value.</summary>
    public const string Source = "source";

    /// <summary>Numeric (UTC ticks), stored: filtered by inclusive range. Absent when the document has no date.</summary>
    public const string PublishedAt = "published";

    /// <summary>A stored text field whose postings also keep each occurrence's offsets, for snippets.</summary>
    public static readonly FieldType BodyType = Freeze(new FieldType(TextField.TYPE_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    });

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
