using DocumentApi.Core.Documents;
using DocumentApi.Testing;
using static DocumentApi.Server.Tests.Articles;

namespace DocumentApi.Server.Tests;

public sealed class BlobNameTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("report with spaces.txt")]
    [InlineData("تقرير الاقتصاد.txt")]
    [InlineData("hash#and?question.txt")]
    [InlineData("percent%20and%25.txt")]
    [InlineData("2015/07/21/folder article.txt")]
    [InlineData("quote's name.txt")]
    public async Task AwkwardBlobNamesAreOrdinaryDocuments(string blobName)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new DocumentApiFactory(azurite);
        var client = await factory.StartAsync(ct);
        var content = SeedText(Utc(2015, 7, 21), "عنوان خاص بالاختبار", "فقرة فريدة عن الزعفران والهيل.");
        await factory.UploadAsync(blobName, content, cancellationToken: ct);
        await factory.IngestAsync(blobName, ct);

        var id = DocumentId.For(blobName);
        var listed = await client.GetJsonAsync("/api/documents", ct);
        Assert.Equal([id], listed.Ids());
        var document = await client.GetJsonAsync($"/api/documents/{id}", ct);
        Assert.Equal(blobName, document.GetProperty("blobName").GetString());
        var bytes = await client.GetByteArrayAsync(new Uri($"/api/documents/{id}/content", UriKind.Relative), ct);
        Assert.Equal(content, System.Text.Encoding.UTF8.GetString(bytes));
        var found = await client.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("الزعفران"), ct);
        Assert.Equal([id], found.Ids());
    }
}
