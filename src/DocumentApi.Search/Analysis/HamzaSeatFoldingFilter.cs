using Lucene.Net.Analysis;

namespace DocumentApi.Search.Analysis;

/// <summary>
/// Folds hamza on a waw seat (ؤ) and on a yeh seat (ئ) to a bare hamza (ء). Writers disagree on the seat: مسؤول and
/// مسئول both occur thousands of times in the same newspapers, as do شيء and شيئ. (Hamza on alef is left to the stock
/// normaliser, which folds it to a bare alef.)
/// </summary>
internal sealed class HamzaSeatFoldingFilter(TokenStream input) : TermRewriteFilter(input)
{
    protected override int Rewrite(char[] buffer, int length) => Fold(buffer, length);

    public static int Fold(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (buffer[i] is ArabicLetters.WawHamzaAbove or ArabicLetters.YehHamzaAbove)
            {
                buffer[i] = ArabicLetters.Hamza;
            }
        }

        return length;
    }
}
