using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;

namespace DocumentApi.Search.Analysis;

/// <summary>
/// Lucene's Arabic light stemmer (<see cref="ArabicStemmer"/>: one prefix such as ال و بال, then suffixes such as
/// ات ون ها ة ي), with a guard: a step that would leave fewer than <see cref="MinimumStemLength"/> letters is not
/// taken. The stock stemmer only keeps two letters, which turns والي into ال and آلاف into اف, merging unrelated words
/// with the article. Prefix and suffix removal are guarded separately, so الاولاد still loses its article.
/// Terms marked as keywords are left alone, as the stock filter does.
/// </summary>
internal sealed class MinimumLengthArabicStemFilter : TokenFilter
{
    public const int MinimumStemLength = 3;

    private readonly ArabicStemmer _stemmer = new();
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;
    private char[] _scratch = new char[32];

    public MinimumLengthArabicStemFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_keyword.IsKeyword && _term.Length > MinimumStemLength)
        {
            _term.Length = Stem(_term.Buffer, _term.Length);
        }

        return true;
    }

    /// <summary>Stems <paramref name="buffer"/>[0..<paramref name="length"/>) in place and returns the new length.</summary>
    private int Stem(char[] buffer, int length)
    {
        // The stemmer edits its buffer in place, so each step runs on a copy that is kept only when long enough.
        if (_scratch.Length < length)
        {
            _scratch = new char[length];
        }

        Array.Copy(buffer, _scratch, length);
        var withoutPrefix = _stemmer.StemPrefix(_scratch, length);
        if (withoutPrefix >= MinimumStemLength)
        {
            Array.Copy(_scratch, buffer, withoutPrefix);
            length = withoutPrefix;
        }

        Array.Copy(buffer, _scratch, length);
        var withoutSuffix = _stemmer.StemSuffix(_scratch, length);
        if (withoutSuffix >= MinimumStemLength)
        {
            Array.Copy(_scratch, buffer, withoutSuffix);
            length = withoutSuffix;
        }

        return length;
    }
}
