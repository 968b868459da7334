using System.Net;
using System.Net.Sockets;
using DocumentApi.Azurite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DocumentApi.Server.Tests;

/// <summary>Storage that does not answer: the server still starts, says so, and answers 503 problems, never 500.</summary>
public sealed class StorageOutageTests
{
    private sealed class NoStorageFactory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // A port nothing listens on: every storage request fails to connect.
            var port = FreePort();
            builder.UseSetting("DocumentStorage", AzuriteInstance.ConnectionStringFor(port, port, port));
            builder.UseSetting("DocumentStorage:MaxRetries", "1");
            builder.UseSetting("DocumentStorage:RetryDelay", "00:00:00.050");
            builder.UseEnvironment("Production");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    [Fact]
    public async Task WithoutStorageTheServerStartsReportsUnhealthyAndAnswersServiceUnavailable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new NoStorageFactory();
        var client = factory.CreateClient();

        using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.False((await health.JsonAsync(ct)).GetProperty("storage").GetProperty("reachable").GetBoolean());

        using var list = await client.GetAsync(new Uri("/api/documents", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        var body = await list.Content.ReadAsStringAsync(ct);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
    }
}
