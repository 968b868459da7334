using Lucene.Net.Analysis;

namespace DocumentApi.Search.Analysis;

/// <summary>
/// Folds the Persian letters that Arabic text typed on a Persian keyboard contains: Farsi yeh (ی) to yeh (ي) and
/// keheh (ک) to kaf (ك).
/// </summary>
internal sealed class PersianLetterFoldingFilter(TokenStream input) : TermRewriteFilter(input)
{
    protected override int Rewrite(char[] buffer, int length) => Fold(buffer, length);

    public static int Fold(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            buffer[i] = buffer[i] switch
            {
                ArabicLetters.FarsiYeh => ArabicLetters.Yeh,
                ArabicLetters.Keheh => ArabicLetters.Kaf,
                var c => c,
            };
        }

        return length;
    }
}
