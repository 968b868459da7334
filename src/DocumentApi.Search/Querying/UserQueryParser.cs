namespace DocumentApi.Search.Querying;

/// <summary>One piece of the user's query before analysis: a run of words or a quoted phrase, possibly excluded.</summary>
internal sealed record QueryPart(string Text, bool IsPhrase, bool IsExcluded);

/// <summary>
/// Splits the user's query language into parts. The only syntax is <c>"quoted phrases"</c> and a leading <c>-</c>
/// that excludes the word or phrase it touches; every other character (<c>* ? ~ : / \ ( ) [ ] { } + ! ^ AND OR</c>) is
/// plain text, left to the analyzer, which drops punctuation. Never throws.
/// </summary>
/// <remarks>
/// A quote with no closing quote makes the rest of the query a phrase. A <c>-</c> is an exclusion only at the start of
/// a word and when something follows it (<c>e-mail</c> and a lone <c>-</c> are text).
/// </remarks>
internal static class UserQueryParser
{
    private const char Quote = '"';
    private const char Minus = '-';

    public static IReadOnlyList<QueryPart> Parse(string? query)
    {
        var parts = new List<QueryPart>();
        if (string.IsNullOrEmpty(query))
        {
            return parts;
        }

        var words = new List<string>();
        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i]))
            {
                i++;
                continue;
            }

            var excluded = false;
            if (query[i] == Minus && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]))
            {
                excluded = true;
                i++;
            }

            if (query[i] == Quote)
            {
                var close = query.IndexOf(Quote, i + 1);
                var end = close < 0 ? query.Length : close;
                parts.Add(new QueryPart(query[(i + 1)..end], IsPhrase: true, excluded));
                i = close < 0 ? query.Length : close + 1;
                continue;
            }

            var start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] != Quote)
            {
                i++;
            }

            // An excluded word keeps its own part: if the analyzer splits it (-e-mail), the pieces are excluded as
            // a phrase, not one by one.
            var word = query[start..i];
            if (excluded)
            {
                parts.Add(new QueryPart(word, IsPhrase: false, IsExcluded: true));
            }
            else
            {
                words.Add(word);
            }
        }

        if (words.Count > 0)
        {
            parts.Insert(0, new QueryPart(string.Join(' ', words), IsPhrase: false, IsExcluded: false));
        }

        return parts;
    }
}
