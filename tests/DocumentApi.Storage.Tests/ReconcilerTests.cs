using Azure;
using Azure.Data.Tables;
using DocumentApi.Core.Documents;
using DocumentApi.Core.Ports;
using DocumentApi.Storage.Tables;
using DocumentApi.Storage.Tests.Support;
using DocumentApi.Testing;

namespace DocumentApi.Storage.Tests;

public sealed class ReconcilerTests(AzuriteFixture azurite)
{
    private const string Present = "حاضر/مقال #1.json";
    private const string Uploaded = "جديد/رفع صامت ?.json";
    private const string Removed = "قديم/حذف صامت %.json";

    [Fact]
    public async Task AQuickRunIngestsBlobsUploadedAndRemovesBlobsDeletedWhileNothingListened()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.UploadAndIngestAsync(Present, "حاضر");
        await storage.UploadAndIngestAsync(Removed, "سيحذف");
        await storage.UploadAsync(Uploaded, TestFormatParser.Json(new Article("نص", Title: "رفع صامت")));
        await storage.DeleteBlobAsync(Removed);

        var report = await storage.Reconciler.ReconcileAsync(ReconcileMode.Quick, TestContext.Current.CancellationToken);

        Assert.Equal(2, report.Blobs);
        Assert.Equal([(Uploaded, IngestOutcome.Created), (Removed, IngestOutcome.Deleted)],
            report.Ingested.Select(r => (r.BlobName, r.Outcome)).OrderBy(r => r.Item2));
        Assert.Equal(["رفع صامت", "حاضر"], (await storage.ListAllAsync(new DocumentListQuery(10))).Select(s => s.Title));
        Assert.Empty(await storage.PartitionRowsAsync(Removed));
    }

    [Fact]
    public async Task AQuickRunWhenNothingChangedIngestsNothingAndWritesNothing()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.UploadAndIngestAsync(Present, "حاضر");
        await storage.UploadAndIngestAsync(Uploaded, "آخر");
        var writes = storage.Ingestor.WriteRequests;

        var report = await storage.Reconciler.ReconcileAsync(ReconcileMode.Quick, TestContext.Current.CancellationToken);

        Assert.False(report.ChangedAnything);
        Assert.Empty(report.Ingested);
        Assert.Equal(writes, storage.Ingestor.WriteRequests);
    }

    [Fact]
    public async Task AQuickRunCatchesABlobChangedWhileNothingListened()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.UploadAndIngestAsync(Present, "قبل");
        await storage.UploadAsync(Present, TestFormatParser.Json(new Article("نص", Title: "بعد")));

        var report = await storage.Reconciler.ReconcileAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(IngestOutcome.Updated, Assert.Single(report.Ingested).Outcome);
        Assert.Equal("بعد", Assert.Single(await storage.ListAllAsync(new DocumentListQuery(10))).Title);
    }

    [Fact]
    public async Task AQuickRunFinishesAnIngestionThatStoppedBeforePublishing()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.UploadAndIngestAsync(Present, "منشور");

        // As if the writer crashed after its commit: the listing rows are missing and the blob row is unpublished.
        foreach (var row in await storage.ListingRowsAsync())
        {
            await storage.Clients.ListingTable.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: TestContext.Current.CancellationToken);
        }

        var blobRow = (await storage.PartitionRowsAsync(Present)).Single(r => r.RowKey == StorageKeys.BlobRowKey(r.PartitionKey));
        await storage.Clients.DocumentsTable.UpdateEntityAsync(
            new TableEntity(blobRow.PartitionKey, blobRow.RowKey) { ["State"] = "unpublished" }, ETag.All, TableUpdateMode.Merge, TestContext.Current.CancellationToken);

        var report = await storage.Reconciler.ReconcileAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(IngestOutcome.Unchanged, Assert.Single(report.Ingested).Outcome);
        Assert.Equal("منشور", Assert.Single(await storage.ListAllAsync(new DocumentListQuery(10))).Title);
        Assert.Equal("committed", (await storage.PartitionRowsAsync(Present)).Single(r => r.RowKey == StorageKeys.BlobRowKey(r.PartitionKey)).GetString("State"));
    }

    [Fact]
    public async Task AQuickRunRewritesAPartitionAWriterLeftHalfWayThroughAMultiTransactionWrite()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.UploadAndIngestAsync(Present, "كامل");
        await SimulateCrashedWriterAsync(storage, Present);

        var report = await storage.Reconciler.ReconcileAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Present, Assert.Single(report.Ingested).BlobName);
        var rows = await storage.PartitionRowsAsync(Present);
        Assert.Equal([StorageKeys.BlobRowKey(StorageKeys.PartitionForBlob(Present)), StorageKeys.MetaRowKey(DocumentId.For(Present))], rows.Select(r => r.RowKey));
        Assert.Equal("committed", rows[0].GetString("State"));
    }

    [Fact]
    public async Task AQuickRunLeavesARecentHalfWrittenPartitionToTheWriterStillWorkingOnIt()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        storage.Reconciler.GracePeriod = TimeSpan.FromHours(1);
        await storage.UploadAndIngestAsync(Present, "كامل");
        await SimulateCrashedWriterAsync(storage, Present);

        var report = await storage.Reconciler.ReconcileAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(report.Ingested);
        Assert.Equal(3, (await storage.PartitionRowsAsync(Present)).Count);
    }

    /// <summary>What a writer leaves when it stops after its first transaction: new-version chunks, a pending blob row.</summary>
    private static async Task SimulateCrashedWriterAsync(StorageHarness storage, string name)
    {
        var ct = TestContext.Current.CancellationToken;
        var partition = StorageKeys.PartitionForBlob(name);
        await storage.Clients.DocumentsTable.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(partition, StorageKeys.BlobRowKey(partition)) { ["State"] = "pending", ["PendingVersion"] = "crashed" }, ETag.All),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, StorageKeys.ChunkRowKey(DocumentId.For(name), "crashed", 0)) { ["Kind"] = "chunk", ["BodyVersion"] = "crashed" }),
        ], ct);
    }

    [Fact]
    public async Task ADeepRunRepairsTablesChangedBehindItsBack()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite, new Dictionary<string, string?> { ["DocumentStorage:InlineBodyMaxBytes"] = "4000" });
        await storage.UploadAsync(Present, TestFormatParser.JsonArray(
            new Article(ArabicText.Words(5_000, seed: 9), Title: "الأول", Source: "okaz", PublishedAt: DateTimeOffset.UnixEpoch),
            new Article("نص", Title: "الثاني", Source: "okaz")));
        await storage.IngestAsync(Present);
        var ct = TestContext.Current.CancellationToken;
        var partition = StorageKeys.PartitionForBlob(Present);
        var first = DocumentId.For(Present, 0);

        // Behind its back: a meta row deleted, a chunk row deleted, a listing title edited, an orphan listing row and an
        // orphan partition added.
        await storage.Clients.DocumentsTable.DeleteEntityAsync(partition, StorageKeys.MetaRowKey(DocumentId.For(Present, 1)), cancellationToken: ct);
        var chunk = (await storage.PartitionRowsAsync(Present)).First(r => r.GetString("Kind") == "chunk");
        await storage.Clients.DocumentsTable.DeleteEntityAsync(chunk.PartitionKey, chunk.RowKey, cancellationToken: ct);
        var listing = (await storage.ListingRowsAsync()).First(r => r.GetString("DocumentId") == first);
        listing["Title"] = "عنوان مزور";
        await storage.Clients.ListingTable.UpdateEntityAsync(listing, ETag.All, TableUpdateMode.Replace, ct);
        await storage.Clients.ListingTable.AddEntityAsync(new TableEntity("all", "d0000000000000000000orphan") { ["Title"] = "يتيم" }, ct);
        await storage.Clients.DocumentsTable.AddEntityAsync(new TableEntity("orphan-0123456789abcdef", "orphan-0123456789abcdef!0") { ["Kind"] = "doc" }, ct);

        var quick = await storage.Reconciler.ReconcileAsync(ReconcileMode.Quick, ct);
        var deep = await storage.Reconciler.ReconcileAsync(ReconcileMode.Deep, ct);

        Assert.Empty(quick.Ingested);
        Assert.True(deep.ChangedAnything);
        var titles = (await storage.ListAllAsync(new DocumentListQuery(10))).Select(s => s.Title);
        Assert.Equal(["الأول", "الثاني"], titles);
        Assert.Equal(["الأول", "الثاني"], (await storage.ListAllAsync(new DocumentListQuery(10, Source: "okaz"))).Select(s => s.Title));
        Assert.Equal(4, (await storage.ListingRowsAsync()).Count);
        Assert.NotNull(await storage.Catalog.GetAsync(DocumentId.For(Present, 1), ct));
        Assert.Equal(ArabicText.Words(5_000, seed: 9), (await storage.Catalog.GetAsync(first, ct))!.Document.Text);
        Assert.DoesNotContain(await storage.DocumentRowsAsync(), r => r.PartitionKey.StartsWith("orphan", StringComparison.Ordinal));

        var again = await storage.Reconciler.ReconcileAsync(ReconcileMode.Deep, ct);
        Assert.False(again.ChangedAnything);
    }

    [Fact]
    public async Task ReconcilingRecordsEveryChangeInTheChangeLog()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.UploadAsync(Uploaded, TestFormatParser.Json(new Article("نص")));

        await storage.Reconciler.ReconcileAsync(cancellationToken: TestContext.Current.CancellationToken);

        var entry = Assert.Single(await storage.ChangeLog.ReadAfterAsync(null, TestContext.Current.CancellationToken));
        Assert.Equal([DocumentId.For(Uploaded)], entry.DocumentIds);
    }

    [Fact]
    public async Task ABlobWronglyThoughtNewIsStillIngestedCorrectly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.UploadAndIngestAsync(Present, "قبل");
        await storage.UploadAsync(Present, TestFormatParser.Json(new Article("نص", Title: "بعد")));

        var updated = await storage.Ingestor.IngestAsync(Present, force: false, ct, probablyNew: true);

        Assert.Equal(IngestOutcome.Updated, updated.Outcome);
        Assert.Equal(["بعد"], (await storage.ListAllAsync(new DocumentListQuery(10))).Select(s => s.Title));
        Assert.Single(await storage.ListingRowsAsync()); // the old version's row is gone, not left beside the new one
    }

    [Fact]
    public async Task ADeletedBlobWronglyThoughtNewStillHasItsDocumentsRemoved()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.UploadAndIngestAsync(Removed, "سيحذف");
        await storage.DeleteBlobAsync(Removed);

        var deleted = await storage.Ingestor.IngestAsync(Removed, force: false, ct, probablyNew: true);

        Assert.Equal(IngestOutcome.Deleted, deleted.Outcome);
        Assert.Empty(await storage.PartitionRowsAsync(Removed));
        Assert.Empty(await storage.ListingRowsAsync());
    }
}
