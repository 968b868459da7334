using DocumentApi.Core.Ports;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DocumentApi.Search.Querying;

/// <summary>
/// Turns an analysed query into Lucene queries, programmatically: user text never reaches Lucene's query parser, so
/// no character of it is syntax. Each word or phrase is matched in the title (boosted) or the body, scores adding up
/// as with <c>MultiFieldQueryParser</c>.
/// </summary>
internal static class LuceneQueryFactory
{
    /// <summary>
    /// A title match weighs twice a body match. BM25 already favours the short title field through length
    /// normalisation; the boost makes a title that names the subject beat a body that mentions it once or twice.
    /// </summary>
    public const float TitleBoost = 2f;

    public static Query Build(AnalyzedQuery query, MatchMode mode)
    {
        var result = new BooleanQuery(disableCoord: true);
        foreach (var clause in query.Required)
        {
            result.Add(ForClause(clause), mode == MatchMode.All ? Occur.MUST : Occur.SHOULD);
        }

        foreach (var clause in query.Excluded)
        {
            result.Add(ForClause(clause), Occur.MUST_NOT);
        }

        if (mode == MatchMode.Any)
        {
            result.MinimumNumberShouldMatch = 1;
        }

        return result;
    }

    /// <summary>The filters as a query that scores nothing; null when the search has none.</summary>
    public static Filter? BuildFilter(SearchQuery query)
    {
        var filters = new BooleanQuery(disableCoord: true);
        if (!string.IsNullOrEmpty(query.Source))
        {
            filters.Add(new TermQuery(new Term(IndexFields.Source, query.Source)), Occur.MUST);
        }

        if (query.From is not null || query.To is not null)
        {
            // Inclusive at both ends; a document without a date has no value in the field and never matches.
            filters.Add(
                NumericRangeQuery.NewInt64Range(IndexFields.PublishedAt, query.From?.UtcTicks, query.To?.UtcTicks, true, true),
                Occur.MUST);
        }

        return filters.Clauses.Count == 0 ? null : new QueryWrapperFilter(filters);
    }

    private static BooleanQuery ForClause(QueryClause clause)
    {
        var title = ForField(IndexFields.Title, clause);
        title.Boost = TitleBoost;
        return new BooleanQuery(disableCoord: true)
        {
            { title, Occur.SHOULD },
            { ForField(IndexFields.Body, clause), Occur.SHOULD },
        };
    }

    private static Query ForField(string field, QueryClause clause)
    {
        if (!clause.IsPhrase)
        {
            return new TermQuery(new Term(field, clause.Terms[0].Text));
        }

        // Positions keep the gaps stop words left, as they are kept at indexing: "مدرسة في الرياض" matches the same
        // three words in order, whatever the stop word.
        var phrase = new PhraseQuery();
        foreach (var term in clause.Terms)
        {
            phrase.Add(new Term(field, term.Text), term.Position);
        }

        return phrase;
    }
}
