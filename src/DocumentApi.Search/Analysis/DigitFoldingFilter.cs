using Lucene.Net.Analysis;

namespace DocumentApi.Search.Analysis;

/// <summary>Folds Arabic-Indic (٠–٩) and Persian (۰–۹) digits to ASCII, so ٢٠٢١, ۲۰۲۱ and 2021 are one term.</summary>
internal sealed class DigitFoldingFilter(TokenStream input) : TermRewriteFilter(input)
{
    protected override int Rewrite(char[] buffer, int length) => Fold(buffer, length);

    public static int Fold(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c is >= ArabicLetters.ArabicIndicDigitZero and <= ArabicLetters.ArabicIndicDigitNine)
            {
                buffer[i] = (char)('0' + (c - ArabicLetters.ArabicIndicDigitZero));
            }
            else if (c is >= ArabicLetters.ExtendedArabicIndicDigitZero and <= ArabicLetters.ExtendedArabicIndicDigitNine)
            {
                buffer[i] = (char)('0' + (c - ArabicLetters.ExtendedArabicIndicDigitZero));
            }
        }

        return length;
    }
}
