using System.Collections.Immutable;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace DocumentApi.Search.Querying;

/// <summary>An analysed term and its position relative to the first term of its clause.</summary>
internal readonly record struct PositionedTerm(string Text, int Position);

/// <summary>A word (one term) or a phrase (several terms in order, with gaps where stop words were).</summary>
internal sealed record QueryClause(ImmutableArray<PositionedTerm> Terms)
{
    public bool IsPhrase => Terms.Length > 1;

    public string Key => string.Join(' ', Terms.Select(t => $"{t.Position}:{t.Text}"));
}

/// <summary>
/// The user's query after analysis: the clauses a document must (or, in the fallback, may) match and the clauses it
/// must not. A word or phrase made only of stop words and punctuation has no terms and so no clause.
/// </summary>
internal sealed record AnalyzedQuery(IReadOnlyList<QueryClause> Required, IReadOnlyList<QueryClause> Excluded)
{
    /// <summary>
    /// Clauses kept of each kind; the rest are ignored. Far above what a 512-character query holds, and far below
    /// Lucene's limit of 1,024 clauses in a boolean query, which would otherwise throw on an unchecked query.
    /// </summary>
    public const int MaxClauses = 256;

    public bool IsEmpty => Required.Count == 0;

    /// <summary>Every distinct term of the required clauses: what snippets look for.</summary>
    public IEnumerable<string> Terms => Required.SelectMany(c => c.Terms).Select(t => t.Text).Distinct(StringComparer.Ordinal);

    public static AnalyzedQuery Analyze(string? text, Analyzer analyzer, string fieldName)
    {
        var required = new List<QueryClause>();
        var excluded = new List<QueryClause>();
        foreach (var part in UserQueryParser.Parse(text))
        {
            var terms = AnalyzeTerms(part.Text, analyzer, fieldName);
            if (terms.Length == 0)
            {
                continue;
            }

            var target = part.IsExcluded ? excluded : required;
            if (part.IsPhrase || part.IsExcluded)
            {
                target.Add(new QueryClause(terms));
            }
            else
            {
                // Unquoted words are independent: each analysed term is a clause of its own.
                target.AddRange(terms.Select(t => new QueryClause([t with { Position = 0 }])));
            }
        }

        return new AnalyzedQuery(Distinct(required), Distinct(excluded));
    }

    private static ImmutableArray<PositionedTerm> AnalyzeTerms(string text, Analyzer analyzer, string fieldName)
    {
        var terms = ImmutableArray.CreateBuilder<PositionedTerm>();
        using var stream = analyzer.GetTokenStream(fieldName, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        int? first = null;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            first ??= position;
            terms.Add(new PositionedTerm(term.ToString(), position - first.Value));
        }

        stream.End();
        return terms.ToImmutable();
    }

    private static List<QueryClause> Distinct(List<QueryClause> clauses) =>
        clauses.DistinctBy(c => c.Key, StringComparer.Ordinal).Take(MaxClauses).ToList();
}
