using System.Text;
using Azure.Data.Tables;
using DocumentApi.Core.Documents;
using DocumentApi.Core.Ports;
using DocumentApi.Storage.Tables;
using DocumentApi.Storage.Tests.Support;
using DocumentApi.Testing;

namespace DocumentApi.Storage.Tests;

public sealed class IngestionTests(AzuriteFixture azurite)
{
    // Spaces, Arabic letters, '#', '?', '%', a quote and folders: all ordinary blob names.
    /// <summary>Bodies over 16 kB get chunk rows, so modest test documents exercise them.</summary>
    private static readonly Dictionary<string, string?> SmallInlineBodies = new() { ["DocumentStorage:InlineBodyMaxBytes"] = "16000" };

    private const string AwkwardName = "أخبار/2015 تموز/تقرير #1 عن ?السوق% 50's.json";

    [Fact]
    public async Task A200000WordArabicDocumentIsStoredAndReadBackWhole()
    {
        // Small limits force the multi-transaction path: chunks under a new version first, then the meta row.
        await using var storage = await StorageHarness.CreateAsync(azurite, new Dictionary<string, string?>
        {
            ["DocumentStorage:MaxTransactionBytes"] = (256 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DocumentStorage:ChunkRowMaxBytes"] = "20000",
        });
        var text = ArabicText.Words(200_000, seed: 7);
        await storage.UploadAsync(AwkwardName, TestFormatParser.Json(new Article(text, Title: "تقرير طويل جدا")));

        var result = await storage.IngestAsync(AwkwardName);

        Assert.Equal(IngestOutcome.Created, result.Outcome);
        var entry = await storage.Catalog.GetAsync(Assert.Single(result.DocumentIds), TestContext.Current.CancellationToken);
        Assert.NotNull(entry);
        Assert.Equal(text, entry.Document.Text);
        Assert.Equal(200_000, entry.Document.WordCount);
        Assert.Equal("تقرير طويل جدا", entry.Document.Title);
        Assert.Equal(AwkwardName, entry.Document.BlobName);
        var rows = await storage.PartitionRowsAsync(AwkwardName);
        Assert.True(rows.Count(r => r.GetString("Kind") == "chunk") > 5, "the body should need many chunk rows");
    }

    [Fact]
    public async Task ADocumentNearTheSixteenMebibyteBlobLimitIsStoredWithTheDefaultLimits()
    {
        // About 7.5 million Arabic characters (15 MB of UTF-8): far beyond an entity's 1 MiB and a transaction's 4 MiB.
        await using var storage = await StorageHarness.CreateAsync(azurite);
        const string name = "ضخم/كتاب كامل.json";
        var text = ArabicText.Words(1_100_000, seed: 16);
        await storage.UploadAsync(name, TestFormatParser.Json(new Article(text, Title: "كتاب")));

        var result = await storage.IngestAsync(name);

        Assert.Equal(IngestOutcome.Created, result.Outcome);
        var entry = await storage.Catalog.GetAsync(result.DocumentIds[0], TestContext.Current.CancellationToken);
        Assert.Equal(text, entry!.Document.Text);
    }

    [Fact]
    public async Task ABlobThroughTheDefaultParserIsStored()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        storage.Ingestor.Parser = new Core.Parsing.DocumentParser(new Core.Parsing.ParserOptions()).Parse;
        const string name = "seeds/مقال قصير.txt";
        await storage.UploadAsync(name, "عنوان\n\nنص المقال الأول عن السوق السعودية.");

        var result = await storage.IngestAsync(name);

        Assert.NotEqual(IngestOutcome.Unchanged, result.Outcome);
        var entry = await storage.Catalog.GetAsync(result.DocumentIds[0], TestContext.Current.CancellationToken);
        Assert.NotNull(entry);
        Assert.Equal(name, entry.Document.BlobName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("عنوان\n\nنص المقال الأول عن السوق السعودية."))), entry.Document.ContentHash);
    }

    [Fact]
    public async Task OverwritingABlobReplacesTheOldVersionInTextAndListing()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite, SmallInlineBodies);
        var oldText = ArabicText.Words(60_000, seed: 1) + " برتقال";
        await storage.UploadAsync(AwkwardName, TestFormatParser.Json(new Article(oldText, Title: "العنوان القديم", Source: "okaz")));
        await storage.IngestAsync(AwkwardName);
        var oldRows = await storage.PartitionRowsAsync(AwkwardName);

        await storage.UploadAsync(AwkwardName, TestFormatParser.Json(new Article("تفاح أحمر في السوق", Title: "العنوان الجديد", Source: "sabq")));
        var result = await storage.IngestAsync(AwkwardName);

        Assert.Equal(IngestOutcome.Updated, result.Outcome);
        var entry = await storage.Catalog.GetAsync(result.DocumentIds[0], TestContext.Current.CancellationToken);
        Assert.Equal("تفاح أحمر في السوق", entry!.Document.Text);
        Assert.DoesNotContain("برتقال", entry.Document.Text, StringComparison.Ordinal);
        var listing = await storage.ListingRowsAsync();
        Assert.All(listing, row => Assert.Equal("العنوان الجديد", row.GetString("Title")));
        Assert.Equal(["all", "src-sabq"], listing.Select(r => r.PartitionKey).Order(StringComparer.Ordinal));
        Assert.Empty(await storage.ListAllAsync(new DocumentListQuery(10, Source: "okaz")));

        // The old version had chunk rows; none survive.
        Assert.Contains(oldRows, r => r.GetString("Kind") == "chunk");
        var rows = await storage.PartitionRowsAsync(AwkwardName);
        Assert.Equal([StorageKeys.BlobRowKey(StorageKeys.PartitionForBlob(AwkwardName)), StorageKeys.MetaRowKey(result.DocumentIds[0])], rows.Select(r => r.RowKey));
    }

    [Fact]
    public async Task AJsonArrayBecomesOneDocumentPerElementAndAShorterArrayRemovesTheMissingOnes()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        const string name = "يومي/2015-07-21.json";
        var articles = Enumerable.Range(0, 5)
            .Select(i => new Article($"نص المقال رقم {i}", Title: $"مقال {i}", Source: i % 2 == 0 ? "aawsat" : "okaz", PublishedAt: new DateTimeOffset(2015, 7, 21, i, 0, 0, TimeSpan.FromHours(3))))
            .ToArray();
        await storage.UploadAsync(name, TestFormatParser.JsonArray(articles));

        var first = await storage.IngestAsync(name);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => DocumentId.For(name, i)), first.DocumentIds);
        Assert.Equal(5, (await storage.ListAllAsync(new DocumentListQuery(100))).Count);

        await storage.UploadAsync(name, TestFormatParser.JsonArray(articles[..2]));
        var second = await storage.IngestAsync(name);

        Assert.Equal(IngestOutcome.Updated, second.Outcome);
        Assert.Equal([DocumentId.For(name, 2), DocumentId.For(name, 3), DocumentId.For(name, 4)], second.RemovedDocumentIds);
        foreach (var removed in second.RemovedDocumentIds)
        {
            Assert.Null(await storage.Catalog.GetAsync(removed, TestContext.Current.CancellationToken));
        }

        Assert.Equal(["مقال 1", "مقال 0"], (await storage.ListAllAsync(new DocumentListQuery(100))).Select(s => s.Title));
        Assert.Equal(4, (await storage.ListingRowsAsync()).Count); // "all" twice, "aawsat" for element 0, "okaz" for 1
        Assert.Equal(3, (await storage.PartitionRowsAsync(name)).Count); // the blob row and two meta rows
    }

    [Fact]
    public async Task DeletingTheBlobRemovesEveryEntity()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite, SmallInlineBodies);
        await storage.UploadAsync(AwkwardName, TestFormatParser.JsonArray(
            new Article(ArabicText.Words(80_000, seed: 3), Title: "كبير", Source: "alriyadh"),
            new Article("صغير", Title: "صغير", Source: "alriyadh")));
        await storage.IngestAsync(AwkwardName);
        Assert.NotEmpty(await storage.PartitionRowsAsync(AwkwardName));

        await storage.DeleteBlobAsync(AwkwardName);
        var result = await storage.IngestAsync(AwkwardName);

        Assert.Equal(IngestOutcome.Deleted, result.Outcome);
        Assert.Equal(2, result.RemovedDocumentIds.Length);
        Assert.Empty(await storage.PartitionRowsAsync(AwkwardName));
        Assert.Empty(await storage.ListingRowsAsync());
        Assert.Null(await storage.Catalog.GetAsync(result.RemovedDocumentIds[0], TestContext.Current.CancellationToken));
        Assert.Null(await storage.Catalog.OpenContentAsync(result.RemovedDocumentIds[0], TestContext.Current.CancellationToken));

        var again = await storage.IngestAsync(AwkwardName);
        Assert.Equal(IngestOutcome.Unchanged, again.Outcome);
    }

    [Fact]
    public async Task IngestingTheSameBlobTwiceWritesNothingTheSecondTime()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.UploadAsync(AwkwardName, TestFormatParser.Json(new Article("نص", Title: "عنوان", Source: "okaz", PublishedAt: DateTimeOffset.UnixEpoch)));
        await storage.IngestAsync(AwkwardName);
        var before = await TimestampsAsync(storage);
        var writesBefore = storage.Ingestor.WriteRequests;

        var result = await storage.IngestAsync(AwkwardName);

        Assert.Equal(IngestOutcome.Unchanged, result.Outcome);
        Assert.Equal(writesBefore, storage.Ingestor.WriteRequests);
        Assert.Equal(before, await TimestampsAsync(storage));
    }

    [Fact]
    public async Task ReuploadingTheSameBytesKeepsTheDocumentsAndTheChangeLog()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        var json = TestFormatParser.Json(new Article("نص ثابت", Title: "عنوان"));
        await storage.UploadAsync(AwkwardName, json);
        var first = await storage.IngestAsync(AwkwardName);
        var entry = await storage.Catalog.GetAsync(first.DocumentIds[0], TestContext.Current.CancellationToken);

        await storage.UploadAsync(AwkwardName, json);
        var second = await storage.IngestAsync(AwkwardName);

        Assert.Equal(IngestOutcome.Unchanged, second.Outcome);
        Assert.Single(await storage.ChangeRowsAsync());
        var again = await storage.Catalog.GetAsync(first.DocumentIds[0], TestContext.Current.CancellationToken);
        Assert.Equal(entry!.ETag, again!.ETag);
        Assert.Equal(entry.IngestedAt, again.IngestedAt);
        var report = await storage.Reconciler.ReconcileAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(report.ChangedAnything);
    }

    [Fact]
    public async Task ConcurrentIngestsOfSuccessiveVersionsEndWithTheNewest()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite, SmallInlineBodies);
        var ingests = new List<Task<IngestResult>>();
        for (var version = 1; version <= 5; version++)
        {
            // Versions 2 and 4 are big enough to need chunk rows, so small and large versions replace each other.
            var body = version % 2 == 0 ? ArabicText.Words(40_000, seed: version) : "نسخة قصيرة";
            await storage.UploadAsync(AwkwardName, TestFormatParser.Json(new Article($"{body} الإصدار{version}", Title: $"الإصدار {version}", Source: $"source{version}")));
            for (var i = 0; i < 4; i++)
            {
                ingests.Add(Task.Run(() => storage.IngestAsync(AwkwardName), TestContext.Current.CancellationToken));
            }
        }

        await Task.WhenAll(ingests);

        var id = DocumentId.For(AwkwardName);
        var entry = await storage.Catalog.GetAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal("الإصدار 5", entry!.Document.Title);
        Assert.EndsWith("الإصدار5", entry.Document.Text, StringComparison.Ordinal);
        var listing = await storage.ListingRowsAsync();
        Assert.Equal(["all", "src-source5"], listing.Select(r => r.PartitionKey).Order(StringComparer.Ordinal));
        Assert.All(listing, row => Assert.Equal("الإصدار 5", row.GetString("Title")));
        var rows = await storage.PartitionRowsAsync(AwkwardName);
        Assert.Equal([StorageKeys.BlobRowKey(StorageKeys.PartitionForBlob(AwkwardName)), StorageKeys.MetaRowKey(id)], rows.Select(r => r.RowKey));
        Assert.Equal("committed", rows[0].GetString("State"));
    }

    [Fact]
    public async Task AnOlderVersionIngestedLateDoesNotOverwriteTheNewerOne()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.UploadAsync(AwkwardName, TestFormatParser.Json(new Article("الأولى", Title: "الأولى")));
        await storage.IngestAsync(AwkwardName);
        await storage.UploadAsync(AwkwardName, TestFormatParser.Json(new Article("الثانية", Title: "الثانية")));
        await storage.IngestAsync(AwkwardName);

        // A trigger for the first upload arrives last: it reads the blob as it is now.
        var late = await storage.IngestAsync(AwkwardName);

        Assert.Equal(IngestOutcome.Unchanged, late.Outcome);
        Assert.Equal("الثانية", (await storage.Catalog.GetAsync(late.DocumentIds[0], TestContext.Current.CancellationToken))!.Document.Title);
    }

    [Fact]
    public async Task AParseFailureIsStoredAsFailedWithItsReasonAndNotRetried()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        const string name = "معطوب/ملف غير صالح.json";
        await storage.UploadAsync(name, "{ هذا ليس JSON");

        var result = await storage.IngestAsync(name);

        Assert.Equal(IngestOutcome.Failed, result.Outcome);
        var entry = await storage.Catalog.GetAsync(result.DocumentIds[0], TestContext.Current.CancellationToken);
        Assert.Equal(DocumentStatus.Failed, entry!.Document.Status);
        Assert.StartsWith("Not valid JSON", entry.Document.FailureReason, StringComparison.Ordinal);
        var summary = Assert.Single(await storage.ListAllAsync(new DocumentListQuery(10)));
        Assert.Equal(DocumentStatus.Failed, summary.Status);
        Assert.Equal(IngestOutcome.Unchanged, (await storage.IngestAsync(name)).Outcome);
    }

    [Fact]
    public async Task ABlobOverTheParserLimitIsStoredAsFailedWithoutBeingParsed()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite, new Dictionary<string, string?> { ["Parser:MaxSizeBytes"] = "1000" });
        storage.Ingestor.Parser = (_, _, _) => throw new InvalidOperationException("the parser must not see an oversized blob");
        const string name = "كبير جدا.txt";
        var content = new string('ب', 2000);
        await storage.UploadAsync(name, content);

        var result = await storage.IngestAsync(name);

        Assert.Equal(IngestOutcome.Failed, result.Outcome);
        var entry = await storage.Catalog.GetAsync(result.DocumentIds[0], TestContext.Current.CancellationToken);
        Assert.Equal("The blob is 4000 bytes; the limit is 1000 bytes.", entry!.Document.FailureReason);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(content))), entry.Document.ContentHash);
    }

    [Fact]
    public async Task EverySuccessfulChangeIsAppendedToTheChangeLog()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        const string name = "سجل.json";
        await storage.UploadAsync(name, TestFormatParser.JsonArray(new Article("أ"), new Article("ب")));
        await storage.IngestAsync(name);
        await storage.UploadAsync(name, TestFormatParser.JsonArray(new Article("أ")));
        await storage.IngestAsync(name);
        await storage.DeleteBlobAsync(name);
        await storage.IngestAsync(name);

        var entries = await storage.ChangeLog.ReadAfterAsync(null, TestContext.Current.CancellationToken);

        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal(StorageKeys.PartitionForBlob(name), e.BlobPartition));
        Assert.Equal([DocumentId.For(name, 0), DocumentId.For(name, 1)], entries[0].DocumentIds);
        Assert.Equal([DocumentId.For(name, 0), DocumentId.For(name, 1)], entries[1].DocumentIds.Order(StringComparer.Ordinal));
        Assert.Equal([DocumentId.For(name, 0)], entries[2].DocumentIds);
        var after = await storage.ChangeLog.ReadAfterAsync(entries[1].Key, TestContext.Current.CancellationToken);
        Assert.Equal(entries[2].Key, Assert.Single(after).Key);
    }

    [Fact]
    public async Task AnArrayOfOrdinaryArabicArticlesIsSplitIntoTransactionsByWireSize()
    {
        // 300 articles of about 6,000 Arabic characters: inline bodies are small, but the titles travel as \uXXXX
        // escapes and the bodies as base64, so the whole blob is several 4 MiB requests.
        await using var storage = await StorageHarness.CreateAsync(azurite);
        const string name = "أرشيف/مقالات كثيرة.json";
        var articles = Enumerable.Range(0, 300)
            .Select(i => new Article(ArabicText.Words(1_000, seed: 100 + i), Title: string.Concat(Enumerable.Repeat("عنوان طويل جدا ", 80)) + i, Source: "aljazirah", PublishedAt: DateTimeOffset.UnixEpoch.AddDays(i)))
            .ToArray();
        await storage.UploadAsync(name, TestFormatParser.JsonArray(articles));

        var result = await storage.IngestAsync(name);

        Assert.Equal(300, result.DocumentIds.Length);
        var listed = await storage.ListAllAsync(new DocumentListQuery(100, Source: "aljazirah"));
        Assert.Equal(300, listed.Count);
        Assert.Equal(articles[299].Title![..(DocumentRows.MaxSummaryTextLength - 1)] + "…", listed[0].Title);
        var entry = await storage.Catalog.GetAsync(DocumentId.For(name, 299), TestContext.Current.CancellationToken);
        Assert.Equal(articles[299].Title, entry!.Document.Title);
        Assert.Equal(articles[299].Text, entry.Document.Text);
    }

    [Fact]
    public async Task DocumentsWhoseRowsTogetherExceedFourMebibytesAreWrittenInSeveralTransactions()
    {
        // 90 documents fit the 100-entity limit of one transaction, but not its 4 MiB: each body is 60,000 random
        // Arabic letters (twice the corpus's longest article), which compress poorly and travel as base64.
        await using var storage = await StorageHarness.CreateAsync(azurite);
        const string name = "أرشيف/مقالات طويلة.json";
        var random = new Random(5);
        var articles = Enumerable.Range(0, 90)
            .Select(i => new Article(new string([.. Enumerable.Range(0, 60_000).Select(_ => (char)('\u0621' + random.Next(26)))]), Title: $"مقال {i}"))
            .ToArray();
        await storage.UploadAsync(name, TestFormatParser.JsonArray(articles));
        var writesBefore = storage.Ingestor.WriteRequests;

        var result = await storage.IngestAsync(name);

        // At least two commit transactions, plus the listing, the change log and the published mark.
        Assert.True(storage.Ingestor.WriteRequests - writesBefore >= 5, $"{storage.Ingestor.WriteRequests - writesBefore} write requests");
        Assert.Equal(90, result.DocumentIds.Length);
        var entry = await storage.Catalog.GetAsync(DocumentId.For(name, 89), TestContext.Current.CancellationToken);
        Assert.Equal(articles[89].Text, entry!.Document.Text);
    }

    private static async Task<List<string>> TimestampsAsync(StorageHarness storage)
    {
        var rows = (await storage.DocumentRowsAsync()).Concat(await storage.ListingRowsAsync()).Concat(await storage.ChangeRowsAsync());
        return [.. rows.Select(r => $"{r.PartitionKey}/{r.RowKey}@{r.Timestamp:O}/{r.ETag}").Order(StringComparer.Ordinal)];
    }
}
