using Lucene.Net.Index;

namespace DocumentApi.Search.Snippets;

/// <summary>An occurrence of an analysed term in a document: its position and its offsets in the original text.</summary>
internal sealed record TermOccurrence(string Text, int Position, int Start, int End);

/// <summary>
/// Reads where terms occur in one document from the index's postings, which keep offsets for the body: the offsets
/// the analyzer produced at indexing time, corrected by its char filter, so they point into the stored text.
/// </summary>
/// <remarks>
/// This is what Lucene's PostingsHighlighter does. Analysing the body again for every hit would cost more than the
/// search itself (the median body is about 1,300 characters, the longest over 30,000); reading a few postings costs
/// almost nothing, and offsets add about a tenth to the index.
/// </remarks>
internal static class PostingsOffsets
{
    public static List<TermOccurrence> Read(IndexReader reader, int documentId, string field, IEnumerable<string> terms)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(documentId, leaves)];
        var localId = documentId - leaf.DocBase;
        var occurrences = new List<TermOccurrence>();
        foreach (var text in terms)
        {
            var postings = leaf.AtomicReader.GetTermPositionsEnum(new Term(field, text));
            if (postings is null || postings.Advance(localId) != localId)
            {
                continue;
            }

            for (var i = 0; i < postings.Freq; i++)
            {
                var position = postings.NextPosition();
                occurrences.Add(new TermOccurrence(text, position, postings.StartOffset, postings.EndOffset));
            }
        }

        return occurrences;
    }
}
