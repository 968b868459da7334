using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DocumentApi.Storage;
using DocumentApi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DocumentApi.Server.Tests;

/// <summary>
/// The real server (same Program, handlers, ingestion and index synchronisation) on a real Azurite, isolated by its
/// own container, system container and table prefix. Only settings change: nothing is replaced by a fake.
/// </summary>
public sealed class DocumentApiFactory(AzuriteFixture azurite, string? apiKey = null) : WebApplicationFactory<Program>
{
    private readonly string _name = AzuriteFixture.UniqueName("s");

    public string ContainerName => _name;

    public BlobContainerClient Container => azurite.BlobService().GetBlobContainerClient(_name);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches the configuration before Program's top-level code reads it.
        builder.UseSetting("DocumentStorage", azurite.ConnectionString);
        builder.UseSetting("DocumentStorage:ContainerName", _name);
        builder.UseSetting("DocumentStorage:SystemContainerName", _name + "-sys");
        builder.UseSetting("DocumentStorage:TablePrefix", _name);
        builder.UseSetting("LocalServer:UploadSeedsWhenEmpty", "false");
        builder.UseSetting("LocalServer:ReconcileInterval", "00:00:00.200");
        builder.UseSetting("SearchIndexSync:PollInterval", "00:00:00.100");
        builder.UseSetting("Api:ApiKey", apiKey ?? "");
        builder.UseEnvironment("Production");
    }

    /// <summary>Starts the server and waits until its search index has loaded.</summary>
    public async Task<HttpClient> StartAsync(CancellationToken cancellationToken)
    {
        var client = CreateClient();
        await Services.GetRequiredService<SearchIndexSynchronizer>().Ready.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return client;
    }

    public async Task UploadAsync(string blobName, string content, string contentType = "text/plain; charset=utf-8", CancellationToken cancellationToken = default) =>
        await UploadAsync(blobName, BinaryData.FromString(content), contentType, cancellationToken);

    public async Task UploadAsync(string blobName, BinaryData content, string contentType, CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(blobName).UploadAsync(
            content,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);

    /// <summary>Ingests now instead of waiting for the next reconcile round, then waits for the index to see it.</summary>
    public async Task<IngestResult> IngestAsync(string blobName, CancellationToken cancellationToken)
    {
        var result = await Services.GetRequiredService<IDocumentIngestor>().IngestAsync(blobName, cancellationToken);
        await Services.GetRequiredService<SearchIndexSynchronizer>().SyncOnceAsync(cancellationToken);
        return result;
    }

    /// <summary>Polls until <paramref name="condition"/> holds, for what the background loops do on their own.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, CancellationToken cancellationToken, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(100, cancellationToken);
        }
    }
}

internal static class HttpJson
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        return await response.JsonAsync(cancellationToken);
    }

    public static string[] Ids(this JsonElement body) =>
        [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
}
