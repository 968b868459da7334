using System.Net;
using System.Text.Json;
using DocumentApi.Testing;
using static DocumentApi.Server.Tests.Articles;

namespace DocumentApi.Server.Tests;

public sealed class ListingFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    public DocumentApiFactory Factory { get; } = new(azurite);

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Client = await Factory.StartAsync(ct);
        var articles = new (string Blob, string Source, string Extracted, string Title)[]
        {
            ("okaz-1.json", "okaz", "2015-07-21 10:00:00", "الأمطار تعود إلى جدة"),
            ("okaz-2.json", "okaz", "2015-07-23 10:00:00", "افتتاح مستشفى جديد في مكة"),
            ("aawsat-1.json", "aawsat", "2015-07-22 10:00:00", "قمة اقتصادية في الرياض"),
            ("aawsat-2.json", "aawsat", "2015-07-24 10:00:00", "اتفاقية تعاون تقني"),
            ("sabq-1.json", "sabq", "2015-07-25 01:00:00", "خبر منتصف الليل"),
        };
        foreach (var (blob, source, extracted, title) in articles)
        {
            await Factory.UploadAsync(blob, SaudiNewsNet(source, extracted, title, title + " نص الخبر الكامل."), "application/json", ct);
            await Factory.IngestAsync(blob, ct);
        }

        // No date at all: listed after every dated document.
        await Factory.UploadAsync("undated.txt", "خبر بلا تاريخ\n\nنص خبر لا يذكر تاريخ نشره.\n", cancellationToken: ct);
        await Factory.IngestAsync("undated.txt", ct);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class ListingTests(ListingFixture fixture) : IClassFixture<ListingFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private static string[] Blobs(JsonElement body) =>
        [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("blobName").GetString()!)];

    [Fact]
    public async Task DocumentsAreListedNewestFirstWithUndatedOnesLast()
    {
        var body = await _client.GetJsonAsync("/api/documents", TestContext.Current.CancellationToken);
        Assert.Equal(["sabq-1.json", "aawsat-2.json", "okaz-2.json", "aawsat-1.json", "okaz-1.json", "undated.txt"], Blobs(body));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("continuationToken").ValueKind);
    }

    [Fact]
    public async Task PagesFollowTheContinuationTokenWithoutGapsOrRepeats()
    {
        var ct = TestContext.Current.CancellationToken;
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var url = "/api/documents?top=2" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var body = await _client.GetJsonAsync(url, ct);
            var items = Blobs(body);
            Assert.InRange(items.Length, 1, 2);
            seen.AddRange(items);
            token = body.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["sabq-1.json", "aawsat-2.json", "okaz-2.json", "aawsat-1.json", "okaz-1.json", "undated.txt"], seen);
    }

    [Fact]
    public async Task SourceFilterListsOnlyThatSourceNewestFirst()
    {
        var body = await _client.GetJsonAsync("/api/documents?source=okaz", TestContext.Current.CancellationToken);
        Assert.Equal(["okaz-2.json", "okaz-1.json"], Blobs(body));
    }

    [Fact]
    public async Task DateBoundsAreInclusiveAndADateMeansTheWholeUtcDay()
    {
        // okaz-2 was collected 2015-07-23 10:00 Saudi time (07:00 UTC); aawsat-1 on the 22nd.
        var body = await _client.GetJsonAsync("/api/documents?from=2015-07-22&to=2015-07-23", TestContext.Current.CancellationToken);
        Assert.Equal(["okaz-2.json", "aawsat-1.json"], Blobs(body));
    }

    [Fact]
    public async Task ADateTimeBoundCutsWithinTheDay()
    {
        // sabq-1 was collected 2015-07-25 01:00 Saudi time, which is 22:00 UTC on the 24th.
        var body = await _client.GetJsonAsync("/api/documents?from=2015-07-24T21:59:59Z&to=2015-07-24T22:00:00Z", TestContext.Current.CancellationToken);
        Assert.Equal(["sabq-1.json"], Blobs(body));
    }

    [Fact]
    public async Task SourceAndDateFiltersCombine()
    {
        var body = await _client.GetJsonAsync("/api/documents?source=aawsat&to=2015-07-23", TestContext.Current.CancellationToken);
        Assert.Equal(["aawsat-1.json"], Blobs(body));
    }

    [Fact]
    public async Task ListItemsCarryEveryFieldWithUtcDates()
    {
        var body = await _client.GetJsonAsync("/api/documents?source=sabq", TestContext.Current.CancellationToken);
        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        string[] fields = ["id", "blobName", "status", "title", "titleIsDerived", "publishedAt", "source", "language", "wordCount", "sizeBytes", "contentType", "ingestedAt"];
        Assert.Equal(fields, item.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("2015-07-24T22:00:00Z", item.GetProperty("publishedAt").GetString());
        Assert.EndsWith("Z", item.GetProperty("ingestedAt").GetString(), StringComparison.Ordinal);
        Assert.Equal("indexed", item.GetProperty("status").GetString());
        Assert.Equal("ar", item.GetProperty("language").GetString());
    }

    [Fact]
    public async Task UndatedDocumentsAreListedWithANullDate()
    {
        var body = await _client.GetJsonAsync("/api/documents?top=100", TestContext.Current.CancellationToken);
        var undated = body.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("blobName").GetString() == "undated.txt");
        Assert.Equal(JsonValueKind.Null, undated.GetProperty("publishedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, undated.GetProperty("source").ValueKind);
    }

    [Fact]
    public async Task ArabicIsReturnedAsIsNotEscaped()
    {
        using var response = await _client.GetAsync(new Uri("/api/documents?source=okaz", UriKind.Relative), TestContext.Current.CancellationToken);
        var raw = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("افتتاح مستشفى جديد في مكة", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u06", raw, StringComparison.Ordinal);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("top=0", "top")]
    [InlineData("top=101", "top")]
    [InlineData("top=abc", "top")]
    [InlineData("top=1&top=2", "top")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2015-02-30", "to")]
    [InlineData("from=2015-07-25&to=2015-07-21", "from")]
    [InlineData("continuationToken=abc", "continuationToken")]
    [InlineData("continuationToken=x'%20or%20PartitionKey%20ne%20'", "continuationToken")]
    public async Task BadParametersAreProblemDetailsNamingTheParameter(string query, string parameter)
    {
        using var response = await _client.GetAsync(new Uri("/api/documents?" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync(TestContext.Current.CancellationToken);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task AContinuationTokenCannotBeReplayedWithOtherFilters()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await _client.GetJsonAsync("/api/documents?top=1&source=okaz", ct);
        var token = Uri.EscapeDataString(first.GetProperty("continuationToken").GetString()!);
        using var replayed = await _client.GetAsync(new Uri($"/api/documents?top=1&source=aawsat&continuationToken={token}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        var same = await _client.GetJsonAsync($"/api/documents?top=1&source=okaz&continuationToken={token}", ct);
        Assert.Equal(["okaz-1.json"], Blobs(same));
    }
}
