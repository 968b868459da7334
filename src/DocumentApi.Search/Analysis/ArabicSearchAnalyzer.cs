using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace DocumentApi.Search.Analysis;

/// <summary>
/// The analysis shared by indexing, querying and snippets: Lucene's Arabic analysis (normaliser, light stemmer, stop
/// words) plus the orthographic folding real news text needs, with stop words removed after normalisation.
/// </summary>
/// <remarks>
/// The chain, in order:
/// <list type="number">
/// <item>char filter: remove zero-width and bidi controls (<see cref="InvisibleCharacterFilter"/>);</item>
/// <item><see cref="StandardTokenizer"/> (Unicode word boundaries, as the stock <see cref="ArabicAnalyzer"/>);</item>
/// <item>NFKC (<see cref="CompatibilityNormalizationFilter"/>);</item>
/// <item>remove combining marks and tatweel (<see cref="ArabicMarkRemovalFilter"/>);</item>
/// <item>fold Arabic-Indic and Persian digits (<see cref="DigitFoldingFilter"/>);</item>
/// <item>fold alef wasla, hamza seats and Persian letters (<see cref="AlefWaslaFoldingFilter"/>,
/// <see cref="HamzaSeatFoldingFilter"/>, <see cref="PersianLetterFoldingFilter"/>);</item>
/// <item>Lucene's <see cref="ArabicNormalizationFilter"/> (أ إ آ → ا, ى → ي, ة → ه);</item>
/// <item>lower-case;</item>
/// <item>drop terms the steps above emptied (a token of tatweel or marks only);</item>
/// <item>stop words, from Lucene's Arabic list normalised by the same steps;</item>
/// <item>Lucene's light stemmer with a three-letter guard (<see cref="MinimumLengthArabicStemFilter"/>).</item>
/// </list>
/// </remarks>
public sealed class ArabicSearchAnalyzer : Analyzer
{
    /// <summary>
    /// Changes whenever the terms this analyzer produces change, so an index snapshot written by another version is
    /// refused rather than searched with mismatched terms.
    /// </summary>
    public const int Version = 2;

    private const LuceneVersion MatchVersion = LuceneVersion.LUCENE_48;

    private static readonly Lazy<CharArraySet> NormalizedStopWords = new(NormalizeStopWords);

    private readonly bool _normalizeOnly;

    public ArabicSearchAnalyzer()
        : this(normalizeOnly: false)
    {
    }

    private ArabicSearchAnalyzer(bool normalizeOnly)
    {
        _normalizeOnly = normalizeOnly;
    }

    /// <summary>Lucene's Arabic stop words, as this analyzer's normalisation writes them.</summary>
    public static CharArraySet StopWords => NormalizedStopWords.Value;

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        InvisibleCharacterFilter.Wrap(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(MatchVersion, reader);

        // NFKC first: it turns presentation forms into the letters every later step looks for, and it composes a
        // letter with a following combining hamza or madda (ا + ٓ → آ) before mark removal could strip the mark.
        TokenStream result = new CompatibilityNormalizationFilter(source);
        result = new ArabicMarkRemovalFilter(result);
        result = new DigitFoldingFilter(result);

        // Folding runs on bare letters (marks gone) and before the stock normaliser, whose output it must not undo.
        result = new AlefWaslaFoldingFilter(result);
        result = new HamzaSeatFoldingFilter(result);
        result = new PersianLetterFoldingFilter(result);
        result = new ArabicNormalizationFilter(result);
        result = new LowerCaseFilter(MatchVersion, result);
        result = new LengthFilter(MatchVersion, result, 1, int.MaxValue);
        if (_normalizeOnly)
        {
            return new TokenStreamComponents(source, result);
        }

        // The order here matters, the other way round from the stock ArabicAnalyzer: stop words are removed after
        // normalisation, and the list itself is normalised, so إلى and الى, or عن and عنْ, are all stopped.
        result = new StopFilter(MatchVersion, result, StopWords);
        return new TokenStreamComponents(source, new MinimumLengthArabicStemFilter(result));
    }

    // Normalised, the preposition على becomes علي, which is also the name Ali: one of the commonest names in the news.
    // A name must stay findable; BM25 already gives the frequent preposition almost no weight.
    private static readonly HashSet<string> ContentWordsAmongStopWords = ["علي"];

    private static CharArraySet NormalizeStopWords()
    {
        using var normalizer = new ArabicSearchAnalyzer(normalizeOnly: true);
        var normalized = new CharArraySet(MatchVersion, ArabicAnalyzer.DefaultStopSet.Count, ignoreCase: false);
        foreach (var word in ArabicAnalyzer.DefaultStopSet)
        {
            using var stream = normalizer.GetTokenStream("stopwords", word);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (!ContentWordsAmongStopWords.Contains(term.ToString()))
                {
                    normalized.Add(term.ToString());
                }
            }

            stream.End();
        }

        return normalized.AsReadOnly();
    }
}
