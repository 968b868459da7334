using System.Net;
using System.Text.Json;
using DocumentApi.Core.Documents;
using DocumentApi.Testing;
using static DocumentApi.Server.Tests.Articles;

namespace DocumentApi.Server.Tests;

public sealed class SearchFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    public DocumentApiFactory Factory { get; } = new(azurite);

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Client = await Factory.StartAsync(ct);
        var documents = new (string Blob, string Content)[]
        {
            ("ahmad.txt", SeedText(Utc(2021, 3, 1), "زيارة رسمية", "استقبل الأمير أحمد وفدا من رجال الأعمال في عام ٢٠٢١.")),
            ("school.txt", SeedText(Utc(2021, 3, 2), "التعليم", "افتتحت الوزارة مدرسه جديدة للبنات.")),
            ("hospital.txt", SeedText(Utc(2021, 3, 3), "الصحة", "نقل المصاب إلى مستشفي الملك فهد.")),
            ("official.txt", SeedText(Utc(2021, 3, 4), "تصريح", "صرح مسئول في الوزارة بأن المشروع اكتمل.")),
            ("economy.txt", SeedText(Utc(2021, 3, 5), "الاقتصاد الرقمي", "يحقق الاقتصاد الرقمي نموا كبيرا في المنطقة.")),
            ("reversed.txt", SeedText(Utc(2021, 3, 6), "تقرير", "الرقمي هو وصف لكل اقتصاد حديث في المنطقة.")),
            ("script.txt", SeedText(Utc(2021, 3, 7), "أمن المواقع", "وجد الباحث ثغرة <script>alert(1)</script> في موقع الشركة.")),
        };
        foreach (var (blob, content) in documents)
        {
            await Factory.UploadAsync(blob, content, cancellationToken: ct);
            await Factory.IngestAsync(blob, ct);
        }

        await Factory.UploadAsync("okaz.json", SaudiNewsNet("okaz", "2015-07-21 10:00:00", "قمة الاقتصاد", "قمة عن الاقتصاد الرقمي في جدة."), "application/json", ct);
        await Factory.IngestAsync("okaz.json", ct);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class SearchTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<JsonElement> SearchAsync(string query) =>
        await _client.GetJsonAsync("/api/search?" + query, TestContext.Current.CancellationToken);

    private async Task<string[]> BlobsFoundAsync(string q) =>
        [.. (await SearchAsync("q=" + Uri.EscapeDataString(q))).Ids().Select(BlobOf)];

    private static string BlobOf(string id) =>
        new[] { "ahmad.txt", "school.txt", "hospital.txt", "official.txt", "economy.txt", "reversed.txt", "script.txt", "okaz.json" }
            .Single(b => DocumentId.For(b) == id);

    [Theory]
    [InlineData("أحمد", "ahmad.txt")]
    [InlineData("احمد", "ahmad.txt")]
    [InlineData("إحمد", "ahmad.txt")]
    [InlineData("أَحْمَد", "ahmad.txt")]
    [InlineData("أحـــمد", "ahmad.txt")]
    [InlineData("2021", "ahmad.txt")]
    [InlineData("٢٠٢١", "ahmad.txt")]
    [InlineData("مدرسة", "school.txt")]
    [InlineData("مدرسه", "school.txt")]
    [InlineData("مستشفى", "hospital.txt")]
    [InlineData("مستشفي", "hospital.txt")]
    [InlineData("مسؤول", "official.txt")]
    [InlineData("مسئول", "official.txt")]
    public async Task EachOrthographicVariantFindsTheSameDocument(string query, string blob) =>
        Assert.Equal([blob], await BlobsFoundAsync(query));

    [Fact]
    public async Task AQuotedPhraseMatchesOnlyItsWordsInOrder()
    {
        Assert.Equal(["economy.txt", "okaz.json", "reversed.txt"], (await BlobsFoundAsync("الاقتصاد الرقمي")).Order().ToArray());
        Assert.Equal(["economy.txt", "okaz.json"], (await BlobsFoundAsync("\"الاقتصاد الرقمي\"")).Order().ToArray());
    }

    [Fact]
    public async Task AMinusExcludesDocumentsWithTheWord() =>
        Assert.Equal(["economy.txt", "reversed.txt"], (await BlobsFoundAsync("الرقمي -جدة")).Order().ToArray());

    [Fact]
    public async Task TheTitleRanksAboveTheBody() =>
        Assert.Equal("economy.txt", (await BlobsFoundAsync("\"الاقتصاد الرقمي\""))[0]);

    [Fact]
    public async Task WhenNoDocumentHasEveryWordAnyWordMatchesAndTheModeSaysSo()
    {
        var all = await SearchAsync("q=" + Uri.EscapeDataString("الاقتصاد الرقمي"));
        Assert.Equal("all", all.GetProperty("matchMode").GetString());
        var any = await SearchAsync("q=" + Uri.EscapeDataString("مدرسة مستشفى"));
        Assert.Equal("any", any.GetProperty("matchMode").GetString());
        Assert.Equal(2, any.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task SourceAndDateFiltersNarrowTheResults()
    {
        var bySource = await SearchAsync("source=okaz&q=" + Uri.EscapeDataString("الرقمي"));
        Assert.Equal(["okaz.json"], bySource.Ids().Select(BlobOf));
        var byDate = await SearchAsync("from=2021-03-05&to=2021-03-05&q=" + Uri.EscapeDataString("الرقمي"));
        Assert.Equal(["economy.txt"], byDate.Ids().Select(BlobOf));
    }

    [Fact]
    public async Task TotalIsExactAndPagesDoNotOverlap()
    {
        var q = "q=" + Uri.EscapeDataString("الرقمي");
        var first = await SearchAsync(q + "&top=2");
        var second = await SearchAsync(q + "&top=2&skip=2");
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(2, first.Ids().Length);
        Assert.Single(second.Ids());
        Assert.Empty(first.Ids().Intersect(second.Ids()));
    }

    [Fact]
    public async Task SnippetsMarkMatchesAndEscapeEverythingElse()
    {
        var body = await SearchAsync("q=" + Uri.EscapeDataString("ثغرة"));
        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        var snippet = Assert.Single(item.GetProperty("snippets").EnumerateArray()).GetString()!;
        Assert.Contains("<mark>ثغرة</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SnippetsMarkTheSpellingInTheTextForAVariantQuery()
    {
        var body = await SearchAsync("q=" + Uri.EscapeDataString("احمد"));
        var snippet = body.GetProperty("items")[0].GetProperty("snippets")[0].GetString()!;
        Assert.Contains("<mark>أحمد</mark>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchItemsCarryEveryField()
    {
        var body = await SearchAsync("q=" + Uri.EscapeDataString("مدرسة"));
        Assert.Equal(["query", "total", "matchMode", "items"], body.EnumerateObject().Select(p => p.Name).ToArray());
        var item = body.GetProperty("items")[0];
        Assert.Equal(["id", "title", "publishedAt", "source", "score", "snippets"], item.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("مدرسة", body.GetProperty("query").GetString());
    }

    [Theory]
    [InlineData("title:x")]
    [InlineData("a*")]
    [InlineData("أحمد~")]
    [InlineData("/re/")]
    [InlineData("\"unbalanced")]
    [InlineData("(")]
    [InlineData("a AND OR NOT b")]
    [InlineData("\\")]
    [InlineData("-")]
    [InlineData("في من عن")]
    public async Task LuceneSyntaxIsPlainTextAndNeverAnError(string q)
    {
        using var response = await _client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString(q), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=", "q")]
    [InlineData("q=%20%20", "q")]
    [InlineData("q=a&top=0", "top")]
    [InlineData("q=a&top=51", "top")]
    [InlineData("q=a&skip=-1", "skip")]
    [InlineData("q=a&skip=1001", "skip")]
    [InlineData("q=a&from=tomorrow", "from")]
    [InlineData("q=a&q=b", "q")]
    public async Task BadSearchParametersAreProblemDetails(string query, string parameter)
    {
        using var response = await _client.GetAsync(new Uri("/api/search?" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync(TestContext.Current.CancellationToken);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task AQueryOver512CharactersIsRejected()
    {
        using var response = await _client.GetAsync(
            new Uri("/api/search?q=" + new string('a', 513), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var ok = await _client.GetAsync(
            new Uri("/api/search?q=" + new string('a', 512), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
