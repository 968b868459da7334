using Lucene.Net.Analysis.CharFilters;

namespace DocumentApi.Search.Analysis;

/// <summary>
/// Removes zero-width and bidi control characters (ZWSP, ZWNJ, ZWJ, LRM, RLM, the embeddings, overrides and isolates,
/// ALM, word joiner, BOM, soft hyphen) before the tokenizer sees the text. It is a char filter, not a token filter,
/// because the tokenizer would otherwise split a word at some of them (a zero-width space pasted inside a word); being
/// a <see cref="MappingCharFilter"/>, it corrects offsets, so snippets still mark the original text.
/// </summary>
internal static class InvisibleCharacterFilter
{
    private static readonly NormalizeCharMap Map = BuildMap();

    public static TextReader Wrap(TextReader reader) => new MappingCharFilter(Map, reader);

    private static NormalizeCharMap BuildMap()
    {
        var builder = new NormalizeCharMap.Builder();
        for (var c = ArabicLetters.SoftHyphen; c <= ArabicLetters.ZeroWidthNoBreakSpace; c++)
        {
            if (ArabicLetters.IsInvisibleControl(c))
            {
                builder.Add(c.ToString(), "");
            }
        }

        return builder.Build();
    }
}
