using DocumentApi.Core.Ports;
using DocumentApi.Http.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocumentApi.Http;

/// <summary>Arabic-aware ranked search.</summary>
public static class SearchApi
{
    public const int MaxQueryLength = 512;
    public const int DefaultTop = 10;
    public const int MaxTop = 50;
    public const int MaxSkip = 1000;

    /// <summary><c>GET /search?q=&amp;top=&amp;skip=&amp;source=&amp;from=&amp;to=</c>.</summary>
    public static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        HttpRequest request, IDocumentSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(search);
        var query = request.Query;
        if (!QueryParameters.TryGetString(query, "q", MaxQueryLength, out var q, out var problem)
            || !QueryParameters.TryGetInt(query, "top", DefaultTop, 1, MaxTop, out var top, out problem)
            || !QueryParameters.TryGetInt(query, "skip", 0, 0, MaxSkip, out var skip, out problem)
            || !QueryParameters.TryGetString(query, "source", 64, out var source, out problem)
            || !QueryParameters.TryGetDateRange(query, out var from, out var to, out problem))
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(q))
        {
            return ApiProblems.InvalidParameter("q", "'q' is required: the words or \"phrase\" to search for.");
        }

        var results = await search.SearchAsync(new SearchQuery(q.Trim(), top, skip, source, from, to), cancellationToken);
        return TypedResults.Ok(SearchResponse.From(results));
    }
}
