using Lucene.Net.Analysis;

namespace DocumentApi.Search.Analysis;

/// <summary>Folds alef wasla (ٱ, used in vocalised and Quranic text) to a bare alef (ا).</summary>
internal sealed class AlefWaslaFoldingFilter(TokenStream input) : TermRewriteFilter(input)
{
    protected override int Rewrite(char[] buffer, int length) => Fold(buffer, length);

    public static int Fold(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (buffer[i] == ArabicLetters.AlefWasla)
            {
                buffer[i] = ArabicLetters.Alef;
            }
        }

        return length;
    }
}
