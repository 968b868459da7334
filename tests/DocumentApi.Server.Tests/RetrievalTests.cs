using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocumentApi.Core.Documents;
using DocumentApi.Testing;
using static DocumentApi.Server.Tests.Articles;

namespace DocumentApi.Server.Tests;

public sealed class RetrievalFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    public const string SeedBlob = "000_75f81477a1daff0d.txt";

    public DocumentApiFactory Factory { get; } = new(azurite);

    public HttpClient Client { get; private set; } = null!;

    public byte[] SeedBytes { get; } = File.ReadAllBytes(Path.Combine(AzuriteFixture.RepositoryRoot, "seeds", SeedBlob));

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Client = await Factory.StartAsync(ct);
        await Factory.UploadAsync(SeedBlob, new BinaryData(SeedBytes), "text/plain; charset=utf-8", ct);
        await Factory.IngestAsync(SeedBlob, ct);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class RetrievalTests(RetrievalFixture fixture) : IClassFixture<RetrievalFixture>
{
    private static readonly string SeedId = DocumentId.For(RetrievalFixture.SeedBlob);
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task GetDocumentReturnsTheWholeParsedDocument()
    {
        var body = await _client.GetJsonAsync($"/api/documents/{SeedId}", TestContext.Current.CancellationToken);
        Assert.Equal(SeedId, body.GetProperty("id").GetString());
        Assert.Equal("وزير الاتصالات الإيراني: طهران ترحب بجهود قطر في الوساطة والحوار الإقليمي", body.GetProperty("title").GetString());
        Assert.Equal("2021-06-13T20:06:09Z", body.GetProperty("publishedAt").GetString());
        Assert.StartsWith("Iranian Minister", body.GetProperty("caption").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("sections").GetArrayLength() > 5);
        Assert.Contains(
            body.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("paragraphs").EnumerateArray()),
            p => p.GetProperty("isQuestion").GetBoolean());
        var text = body.GetProperty("text").GetString()!;
        Assert.Contains("الاقتصاد الرقمي", text, StringComparison.Ordinal);
        Assert.DoesNotContain("اترك تعليقاً", text, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("failureReason").ValueKind);
        Assert.Equal(64, body.GetProperty("contentHash").GetString()!.Length);
        string[] fields =
        [
            "id", "blobName", "status", "failureReason", "title", "titleIsDerived", "publishedAt", "source", "sourceId", "url",
            "language", "wordCount", "sizeBytes", "contentType", "ingestedAt", "lead", "author", "dateline", "caption",
            "sections", "text", "contentHash",
        ];
        Assert.All(fields, f => Assert.True(body.TryGetProperty(f, out _), $"missing {f}"));
    }

    [Fact]
    public async Task GetDocumentHasAStrongETagAndIfNoneMatchGivesNotModified()
    {
        var ct = TestContext.Current.CancellationToken;
        using var first = await _client.GetAsync(new Uri($"/api/documents/{SeedId}", UriKind.Relative), ct);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/documents/{SeedId}");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await _client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(ct));

        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/documents/{SeedId}");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-this-version\""));
        using var third = await _client.SendAsync(stale, ct);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task ContentReturnsTheOriginalBytesWithContentTypeAndTheBlobETag()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await _client.GetAsync(new Uri($"/api/documents/{SeedId}/content", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fixture.SeedBytes, await response.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var blobETag = (await fixture.Factory.Container.GetBlobClient(RetrievalFixture.SeedBlob).GetPropertiesAsync(cancellationToken: ct)).Value.ETag;
        Assert.Equal(blobETag.ToString("H"), response.Headers.ETag?.Tag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/documents/{SeedId}/content");
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await _client.SendAsync(conditional, ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("no-such-document-0123456789abcdef")]
    [InlineData("x'%20or%20PartitionKey%20ne%20'")]
    [InlineData("%27%29%20or%20true%20or%20%28%27")]
    [InlineData("%D9%85%D8%B1%D8%AD%D8%A8%D8%A7")]
    [InlineData("a%2Fb")]
    [InlineData("..")]
    public async Task UnknownOrHostileIdsAreNotFoundProblems(string id)
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var path in new[] { $"/api/documents/{id}", $"/api/documents/{id}/content" })
        {
            using var response = await _client.GetAsync(new Uri(path, UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.DoesNotContain("وزير", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnUnknownRouteIsANotFoundProblem()
    {
        using var response = await _client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HealthReportsStorageAndTheIndexedDocumentCount()
    {
        var body = await _client.GetJsonAsync("/api/health", TestContext.Current.CancellationToken);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("storage").GetProperty("reachable").GetBoolean());
        Assert.Equal(1, body.GetProperty("index").GetProperty("documents").GetInt32());
    }

    [Fact]
    public async Task ADocumentThatCannotBeParsedIsListedAsFailedWithItsReason()
    {
        var ct = TestContext.Current.CancellationToken;
        await fixture.Factory.UploadAsync("picture.png", new BinaryData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }), "application/octet-stream", ct);
        await fixture.Factory.IngestAsync("picture.png", ct);
        var body = await _client.GetJsonAsync($"/api/documents/{DocumentId.For("picture.png")}", ct);
        Assert.Equal("failed", body.GetProperty("status").GetString());
        Assert.Contains("PNG", body.GetProperty("failureReason").GetString(), StringComparison.OrdinalIgnoreCase);
        var health = await _client.GetJsonAsync("/api/health", ct);
        Assert.Equal("healthy", health.GetProperty("status").GetString());
    }
}
