using DocumentApi.Core.Ports;

namespace DocumentApi.Search.Tests;

/// <summary>Small hand-made indexes and shorthand for searching them.</summary>
internal static class SearchTestIndex
{
    public static LuceneSearchIndex With(params IndexedDocument[] documents)
    {
        var index = LuceneSearchIndex.Create();
        foreach (var document in documents)
        {
            index.Upsert(document);
        }

        index.Refresh();
        return index;
    }

    public static IndexedDocument Doc(string id, string text, string? title = null, string? source = null, DateTimeOffset? publishedAt = null) =>
        new(id, title, text, publishedAt, source);

    public static async Task<SearchResults> Find(this ISearchIndex index, string text, int top = 10, int skip = 0) =>
        await index.SearchAsync(new SearchQuery(text, top, skip), TestContext.Current.CancellationToken);

    public static async Task<string[]> Ids(this ISearchIndex index, string text) =>
        (await index.Find(text, top: 100)).Items.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();
}
