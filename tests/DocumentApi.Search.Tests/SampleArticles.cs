using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocumentApi.Search.Tests;

/// <summary>Real SaudiNewsNet articles (see Samples/README.md) as indexed documents with ids <c>sample-00</c>….</summary>
internal static class SampleArticles
{
    private static readonly Lazy<IReadOnlyList<IndexedDocument>> All = new(Load);

    public static IReadOnlyList<IndexedDocument> Documents => All.Value;

    public static LuceneSearchIndex CreateIndex()
    {
        var index = LuceneSearchIndex.Create();
        foreach (var document in Documents)
        {
            index.Upsert(document);
        }

        index.Refresh();
        return index;
    }

    private static List<IndexedDocument> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Samples", "saudinewsnet-sample.json");
        var articles = JsonSerializer.Deserialize<List<Article>>(File.ReadAllText(path)) ?? [];
        return articles
            .Select((a, i) => new IndexedDocument(
                string.Create(CultureInfo.InvariantCulture, $"sample-{i:00}"),
                a.Title,
                a.Content,
                DateTimeOffset.ParseExact(a.DateExtracted + " +03:00", "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
                a.Source))
            .ToList();
    }

    private sealed record Article(
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("date_extracted")] string DateExtracted,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("content")] string Content);
}
