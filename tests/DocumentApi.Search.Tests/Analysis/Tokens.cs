using DocumentApi.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace DocumentApi.Search.Tests.Analysis;

/// <summary>Runs text through an analyzer and shows the terms joined by spaces, so expectations read as text.</summary>
internal static class Tokens
{
    public static string Of(Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return string.Join(' ', terms);
    }

    public static string Of(string text)
    {
        using var analyzer = new ArabicSearchAnalyzer();
        return Of(analyzer, text);
    }

    /// <summary>The standard tokenizer followed by one filter alone, to test that filter's rule.</summary>
    public static string Through(Func<TokenStream, TokenStream> filter, string text)
    {
        using var analyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            return new TokenStreamComponents(source, filter(source));
        });
        return Of(analyzer, text);
    }
}
