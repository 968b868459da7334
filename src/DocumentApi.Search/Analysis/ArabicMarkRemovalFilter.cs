using Lucene.Net.Analysis;

namespace DocumentApi.Search.Analysis;

/// <summary>
/// Removes every Arabic combining mark (U+0610–U+061A, U+064B–U+065F, U+0670, U+06D6–U+06ED: harakat, shadda,
/// sukun, superscript alef, Quranic signs) and tatweel, so vocalised, decorated and plain spellings are one term.
/// The stock <c>ArabicNormalizationFilter</c> removes only the eight common harakat and tatweel.
/// </summary>
internal sealed class ArabicMarkRemovalFilter(TokenStream input) : TermRewriteFilter(input)
{
    protected override int Rewrite(char[] buffer, int length) => Remove(buffer, length);

    public static int Remove(char[] buffer, int length)
    {
        var kept = 0;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c != ArabicLetters.Tatweel && !ArabicLetters.IsArabicCombiningMark(c))
            {
                buffer[kept++] = c;
            }
        }

        return kept;
    }
}
