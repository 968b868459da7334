using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace DocumentApi.Search.Analysis;

/// <summary>
/// A token filter that rewrites each term in place with one pure rule and keeps every token (a term a rule empties
/// is dropped later by the chain's length filter, which also keeps position increments right).
/// </summary>
internal abstract class TermRewriteFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    protected TermRewriteFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public sealed override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        _term.Length = Rewrite(_term.Buffer, _term.Length);
        return true;
    }

    /// <summary>Rewrites <paramref name="buffer"/>[0..<paramref name="length"/>) in place; returns the new length (never longer).</summary>
    protected abstract int Rewrite(char[] buffer, int length);
}
