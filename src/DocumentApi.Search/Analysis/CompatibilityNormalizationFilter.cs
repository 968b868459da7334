using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace DocumentApi.Search.Analysis;

/// <summary>
/// Applies Unicode compatibility normalisation (NFKC) to each term: presentation forms and ligatures (ﻷ, ﺍﻟﻤﺪﺭﺳﺔ, ﷲ)
/// become the letters they show, full-width Latin becomes ASCII, and a letter followed by a combining hamza or madda
/// becomes the precomposed letter (ا + ٓ → آ). Never NFD: decomposing would split آ أ ؤ ئ into a letter and a mark
/// that the mark removal step would then throw away, changing the letter.
/// </summary>
internal sealed class CompatibilityNormalizationFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public CompatibilityNormalizationFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var term = new ReadOnlySpan<char>(_term.Buffer, 0, _term.Length);
        if (!IsPlainArabicOrAscii(term) && !term.IsNormalized(NormalizationForm.FormKC))
        {
            var normalized = term.ToString().Normalize(NormalizationForm.FormKC);
            _term.SetEmpty().Append(normalized);
        }

        return true;
    }

    /// <summary>
    /// True for the common term that NFKC leaves alone: ASCII, and the basic Arabic letters, tatweel and digits, none of
    /// which has a compatibility form or combines with a neighbour. Spares the ICU check for almost every term.
    /// </summary>
    private static bool IsPlainArabicOrAscii(ReadOnlySpan<char> term)
    {
        foreach (var c in term)
        {
            if (!(c < '\u0080' || c is (>= ArabicLetters.Hamza and <= ArabicLetters.Yeh)
                or (>= ArabicLetters.ArabicIndicDigitZero and <= ArabicLetters.ArabicIndicDigitNine)))
            {
                return false;
            }
        }

        return true;
    }
}
