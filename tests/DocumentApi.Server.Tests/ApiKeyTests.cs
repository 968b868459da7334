using System.Net;
using DocumentApi.Testing;

namespace DocumentApi.Server.Tests;

public sealed class ApiKeyTests(AzuriteFixture azurite)
{
    private const string Key = "test-key-كلمة";

    [Fact]
    public async Task WithAKeyConfiguredTheApiAsksForItLikeTheFunctionsHost()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new DocumentApiFactory(azurite, apiKey: Key);
        var client = await factory.StartAsync(ct);

        using var without = await client.GetAsync(new Uri("/api/documents", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("application/problem+json", without.Content.Headers.ContentType?.MediaType);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=x");
        wrong.Headers.Add("x-functions-key", "not-the-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong, ct)).StatusCode);

        using var header = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        header.Headers.Add("x-functions-key", Key);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(header, ct)).StatusCode);

        using var code = await client.GetAsync(new Uri("/api/search?q=x&code=" + Uri.EscapeDataString(Key), UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, code.StatusCode);

        using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
