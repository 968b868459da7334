using DocumentApi.Testing;

namespace DocumentApi.Storage.Tests;

public sealed class AzuriteFixtureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AzuriteAcceptsBlobsAndEntitiesOnItsOwnPorts()
    {
        var ct = TestContext.Current.CancellationToken;
        var container = azurite.BlobService().GetBlobContainerClient(AzuriteFixture.UniqueName("c"));
        await container.CreateAsync(cancellationToken: ct);
        await container.UploadBlobAsync("a.txt", BinaryData.FromString("مرحبا"), ct);
        var downloaded = await container.GetBlobClient("a.txt").DownloadContentAsync(ct);
        Assert.Equal("مرحبا", downloaded.Value.Content.ToString());

        var table = azurite.TableService().GetTableClient(AzuriteFixture.UniqueName("t"));
        await table.CreateAsync(ct);
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", "r") { ["V"] = 1 }, ct);
        Assert.Equal(1, (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("p", "r", cancellationToken: ct)).Value.GetInt32("V"));
    }
}
