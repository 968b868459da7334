using DocumentApi.Core.Documents;
using DocumentApi.Core.Ports;
using DocumentApi.Storage.Tests.Support;
using DocumentApi.Testing;

namespace DocumentApi.Storage.Tests;

public sealed class CatalogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset July21 = new(2015, 7, 21, 9, 0, 0, TimeSpan.FromHours(3));

    [Fact]
    public async Task ListingIsNewestPublishedFirstThenNewestIngestedThenUndated()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await IngestAsync(storage, "أ.json", new Article("نص", Title: "قديم", PublishedAt: July21.AddDays(-3)));
        await IngestAsync(storage, "ب.json", new Article("نص", Title: "بلا تاريخ"));
        await IngestAsync(storage, "ج.json", new Article("نص", Title: "حديث", PublishedAt: July21));
        await IngestAsync(storage, "د.json", new Article("نص", Title: "حديث، أدخل لاحقا", PublishedAt: July21));
        await IngestAsync(storage, "ه.json", new Article("نص", Title: "بلا تاريخ، أدخل لاحقا"));

        var items = await storage.ListAllAsync(new DocumentListQuery(100));

        Assert.Equal(["حديث، أدخل لاحقا", "حديث", "قديم", "بلا تاريخ، أدخل لاحقا", "بلا تاريخ"], items.Select(i => i.Title));
        Assert.All(items, i => Assert.True(i.IngestedAt > July21));
    }

    [Fact]
    public async Task PagesFollowTheContinuationCursorWithoutGapsOrRepeats()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        const string name = "صفحات/يوم كامل.json";
        await storage.UploadAsync(name, TestFormatParser.JsonArray([.. Enumerable.Range(0, 7).Select(i => new Article("نص", Title: $"مقال {i}", PublishedAt: July21.AddHours(i)))]));
        await storage.IngestAsync(name);

        var first = await storage.Catalog.ListAsync(new DocumentListQuery(3), TestContext.Current.CancellationToken);
        var second = await storage.Catalog.ListAsync(new DocumentListQuery(3, Cursor: first.Cursor), TestContext.Current.CancellationToken);
        var third = await storage.Catalog.ListAsync(new DocumentListQuery(3, Cursor: second.Cursor), TestContext.Current.CancellationToken);

        Assert.Equal(["مقال 6", "مقال 5", "مقال 4"], first.Items.Select(i => i.Title));
        Assert.Equal(["مقال 3", "مقال 2", "مقال 1"], second.Items.Select(i => i.Title));
        Assert.Equal(["مقال 0"], third.Items.Select(i => i.Title));
        Assert.NotNull(first.Cursor);
        Assert.Null(third.Cursor);
    }

    [Fact]
    public async Task ListingFiltersBySourceAndByInclusivePublicationDates()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        const string name = "مصادر.json";
        await storage.UploadAsync(name, TestFormatParser.JsonArray(
            new Article("نص", Title: "عكاظ 1", Source: "okaz", PublishedAt: July21),
            new Article("نص", Title: "عكاظ 2", Source: "okaz", PublishedAt: July21.AddDays(1)),
            new Article("نص", Title: "سبق 1", Source: "sabq", PublishedAt: July21.AddDays(2)),
            new Article("نص", Title: "سبق بلا تاريخ", Source: "sabq"),
            new Article("نص", Title: "مصدر غريب", Source: "Al Sharq/الشرق?", PublishedAt: July21)));
        await storage.IngestAsync(name);

        async Task<string?[]> Titles(DocumentListQuery query) => [.. (await storage.ListAllAsync(query)).Select(i => i.Title)];

        Assert.Equal(["عكاظ 2", "عكاظ 1"], await Titles(new DocumentListQuery(10, Source: "okaz")));
        Assert.Equal(["سبق 1", "سبق بلا تاريخ"], await Titles(new DocumentListQuery(10, Source: "sabq")));
        Assert.Equal(["مصدر غريب"], await Titles(new DocumentListQuery(10, Source: "Al Sharq/الشرق?")));
        Assert.Empty(await Titles(new DocumentListQuery(10, Source: "OKAZ")));
        Assert.Equal(["سبق 1", "عكاظ 2"], await Titles(new DocumentListQuery(10, From: July21.AddDays(1))));
        Assert.Equal(["عكاظ 2", "عكاظ 1", "مصدر غريب"], await Titles(new DocumentListQuery(10, To: July21.AddDays(1))));
        Assert.Equal(["عكاظ 2"], await Titles(new DocumentListQuery(10, From: July21.AddDays(1), To: July21.AddDays(1))));
        Assert.Equal(["عكاظ 1"], await Titles(new DocumentListQuery(10, Source: "okaz", To: July21.AddHours(1))));
        Assert.Empty(await Titles(new DocumentListQuery(10, From: July21.AddDays(3))));
    }

    [Fact]
    public async Task ListingSummariesCarryEveryField()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        var result = await IngestAsync(storage, "ملخص.json", new Article("كلمة كلمة كلمة", Title: "عنوان", Source: "was", PublishedAt: July21));

        var summary = Assert.Single((await storage.Catalog.ListAsync(new DocumentListQuery(1), TestContext.Current.CancellationToken)).Items);

        var entry = await storage.Catalog.GetAsync(result.DocumentIds[0], TestContext.Current.CancellationToken);
        Assert.Equal(DocumentRowsSummary(entry!), summary);
    }

    [Theory]
    [InlineData("x' or PartitionKey ne '")]
    [InlineData("x-0000000000000000' or RowKey ne '")]
    [InlineData("")]
    [InlineData("../etc/passwd")]
    [InlineData("Upper-Case")]
    [InlineData("مقال-0123456789abcdef")]
    [InlineData("a b")]
    [InlineData("x-0000000000000000-1!0")]
    public async Task IdsThatAreNotWellFormedFindNothing(string id)
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await IngestAsync(storage, "موجود.json", new Article("نص"));

        Assert.Null(await storage.Catalog.GetAsync(id, TestContext.Current.CancellationToken));
        Assert.Null(await storage.Catalog.OpenContentAsync(id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AWellFormedIdOfNoDocumentFindsNothing()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        var result = await IngestAsync(storage, "x.json", new Article("نص"));

        Assert.Null(await storage.Catalog.GetAsync(result.DocumentIds[0] + "-1", TestContext.Current.CancellationToken));
        Assert.Null(await storage.Catalog.GetAsync(DocumentId.For("y.json"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ContentStreamsTheOriginalBlobWithItsTypeLengthAndETag()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        const string name = "أصل/ملف #2.json";
        var json = TestFormatParser.Json(new Article("النص الأصلي"));
        var result = await IngestAsync(storage, name, new Article("النص الأصلي"));
        var properties = await storage.Clients.Documents.GetBlobClient(name).GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken);

        var content = await storage.Catalog.OpenContentAsync(result.DocumentIds[0], TestContext.Current.CancellationToken);

        Assert.NotNull(content);
        await using (content.Content)
        {
            using var reader = new StreamReader(content.Content);
            Assert.Equal(json, await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(json), content.Length);
        Assert.Equal(properties.Value.ContentType, content.ContentType);
        Assert.Equal(properties.Value.ETag.ToString("H"), content.ETag);
    }

    [Fact]
    public async Task TheEntityTagChangesWithTheContentAndOnlyWithIt()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        var first = await IngestAsync(storage, "وسم.json", new Article("الأول"));
        var before = await storage.Catalog.GetAsync(first.DocumentIds[0], TestContext.Current.CancellationToken);
        await IngestAsync(storage, "وسم.json", new Article("الثاني"));
        var after = await storage.Catalog.GetAsync(first.DocumentIds[0], TestContext.Current.CancellationToken);

        Assert.NotEqual(before!.ETag, after!.ETag);
        Assert.StartsWith("\"", after.ETag, StringComparison.Ordinal);
        Assert.Equal(after.ETag, (await storage.Catalog.GetAsync(first.DocumentIds[0], TestContext.Current.CancellationToken))!.ETag);
        Assert.True(after.IngestedAt >= before.IngestedAt);
    }

    [Fact]
    public async Task ADocumentWhoseChunksAreIncompleteIsNeverReturnedHalfWay()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite, new Dictionary<string, string?> { ["DocumentStorage:InlineBodyMaxBytes"] = "1000", ["DocumentStorage:ChunkRowMaxBytes"] = "1000" });
        var result = await IngestAsync(storage, "ناقص.json", new Article(ArabicText.Words(3_000, seed: 4)));
        var chunk = (await storage.PartitionRowsAsync("ناقص.json")).Last(r => r.GetString("Kind") == "chunk");
        await storage.Clients.DocumentsTable.DeleteEntityAsync(chunk.PartitionKey, chunk.RowKey, cancellationToken: TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<TransientStorageException>(() => storage.Catalog.GetAsync(result.DocumentIds[0], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task HealthReportsReachableStorage()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);

        var health = await storage.Catalog.CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.True(health.StorageReachable, health.Problem);
    }

    [Fact]
    public async Task HealthReportsATableThatIsGone()
    {
        // Health reads one key no row has; "no such table" must not pass for "no such row".
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.Clients.ListingTable.DeleteAsync(TestContext.Current.CancellationToken);

        var health = await storage.Catalog.CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.False(health.StorageReachable);
        Assert.NotNull(health.Problem);
    }

    [Fact]
    public async Task HealthReportsStorageThatDoesNotAnswer()
    {
        // A port nobody listens on: connection refused on loopback.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var dead = new StorageClients(Microsoft.Extensions.Options.Options.Create(new DocumentStorageOptions
        {
            ConnectionString = Azurite.AzuriteInstance.ConnectionStringFor(port, port, port),
        }));
        var catalog = new TableDocumentCatalog(new Tables.TableStore(dead, new Tables.TransactionCoalescer(dead)), Microsoft.Extensions.Logging.Abstractions.NullLogger<TableDocumentCatalog>.Instance);

        var health = await catalog.CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.False(health.StorageReachable);
        Assert.NotNull(health.Problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task ATopOutsideOneToAHundredIsRejected(int top)
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => storage.Catalog.ListAsync(new DocumentListQuery(top), TestContext.Current.CancellationToken));
    }

    private static DocumentSummary DocumentRowsSummary(CatalogEntry entry) => new(
        entry.Document.Id, entry.Document.BlobName, entry.Document.Status, entry.Document.Title, entry.Document.TitleIsDerived,
        entry.Document.PublishedAt, entry.Document.Source, entry.Document.Language, entry.Document.WordCount, entry.Document.SizeBytes,
        entry.Document.ContentType, entry.IngestedAt);

    private static async Task<IngestResult> IngestAsync(StorageHarness storage, string name, Article article)
    {
        await storage.UploadAsync(name, TestFormatParser.Json(article));
        return await storage.IngestAsync(name);
    }
}
