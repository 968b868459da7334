using DocumentApi.Core.Ports;
using DocumentApi.Storage.Tests.Support;
using DocumentApi.Testing;

namespace DocumentApi.Storage.Tests;

/// <summary>The local stand-in for Event Grid: scans find what changed, drains ingest it, the newest first.</summary>
public sealed class ContainerWatcherTests(AzuriteFixture azurite)
{
    private const string Present = "حاضر/مقال #1.json";
    private const string Uploaded = "جديد/رفع صامت ?.json";
    private const string Removed = "قديم/حذف صامت %.json";

    [Fact]
    public async Task TheFirstScanComparesWithTheTablesAndQueuesOnlyWhatChangedWhileNothingWatched()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.UploadAndIngestAsync(Present, "حاضر");
        await storage.UploadAsync(Uploaded, TestFormatParser.Json(new Article("نص", Title: "رفع صامت")));

        var scan = await storage.Watcher.ScanAsync(ct);

        Assert.Equal(2, scan.Blobs);
        Assert.Equal([Uploaded], scan.Queued.Select(c => c.BlobName));
        Assert.Equal(1, storage.Watcher.Backlog);
        var ingested = await storage.Watcher.DrainAsync(ct);
        Assert.Equal([(Uploaded, IngestOutcome.Created)], ingested.Select(r => (r.BlobName, r.Outcome)));
        Assert.Equal(0, storage.Watcher.Backlog);
    }

    [Fact]
    public async Task LaterScansQueueUploadsOverwritesAndDeletesSinceTheLastScanAndNothingElse()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.UploadAndIngestAsync(Present, "قبل");
        await storage.UploadAndIngestAsync(Removed, "سيحذف");
        Assert.Empty((await storage.Watcher.ScanAsync(ct)).Queued);
        var writes = storage.Ingestor.WriteRequests;

        Assert.Empty((await storage.Watcher.ScanAsync(ct)).Queued);
        Assert.Equal(writes, storage.Ingestor.WriteRequests);

        await storage.UploadAsync(Present, TestFormatParser.Json(new Article("نص", Title: "بعد")));
        await storage.UploadAsync(Uploaded, TestFormatParser.Json(new Article("نص", Title: "جديد")));
        await storage.DeleteBlobAsync(Removed);
        var scan = await storage.Watcher.ScanAsync(ct);
        var ingested = await storage.Watcher.DrainAsync(ct);

        Assert.Equal([Uploaded, Present, Removed], scan.Queued.Select(c => c.BlobName).Order(StringComparer.Ordinal));
        Assert.Null(scan.Queued.Single(c => c.BlobName == Removed).LastModified);
        Assert.Equal(
            [(Uploaded, IngestOutcome.Created), (Present, IngestOutcome.Updated), (Removed, IngestOutcome.Deleted)],
            ingested.Select(r => (r.BlobName, r.Outcome)).OrderBy(r => r.BlobName, StringComparer.Ordinal));
        Assert.Equal(["بعد", "جديد"], (await storage.ListAllAsync(new DocumentListQuery(10))).Select(s => s.Title).Order(StringComparer.Ordinal));
        Assert.Empty((await storage.Watcher.ScanAsync(ct)).Queued);
    }

    [Fact]
    public async Task WhatIsStillQueuedIsNotQueuedAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.Watcher.ScanAsync(ct);
        await storage.UploadAsync(Uploaded, TestFormatParser.Json(new Article("نص")));

        Assert.Single((await storage.Watcher.ScanAsync(ct)).Queued);
        Assert.Empty((await storage.Watcher.ScanAsync(ct)).Queued);

        Assert.Single(await storage.Watcher.DrainAsync(ct));
    }

    [Fact]
    public async Task AFolderScanQueuesChangesInItsFoldersAndLeavesTheRestForAWholeScan()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await StorageHarness.CreateAsync(azurite);
        const string elsewhere = "أخرى/مقال.json";
        await storage.UploadAndIngestAsync(Present, "قبل");
        await storage.UploadAndIngestAsync(Removed, "سيحذف");
        await storage.Watcher.ScanAsync(ct);

        // Changes in four folders; the scan lists two of them (حاضر/ and قديم/).
        await storage.UploadAsync(Present, TestFormatParser.Json(new Article("نص", Title: "بعد")));
        await storage.UploadAsync(Uploaded, TestFormatParser.Json(new Article("نص", Title: "جديد")));
        await storage.DeleteBlobAsync(Removed);
        await storage.UploadAsync(elsewhere, TestFormatParser.Json(new Article("نص", Title: "في مكان آخر")));
        var scan = await storage.Watcher.ScanFoldersAsync(["حاضر/", "قديم/"], ct);

        Assert.Equal(1, scan.Blobs);
        Assert.Equal([Present, Removed], scan.Queued.Select(c => c.BlobName).Order(StringComparer.Ordinal));
        Assert.Equal(
            [(Present, IngestOutcome.Updated), (Removed, IngestOutcome.Deleted)],
            (await storage.Watcher.DrainAsync(ct)).Select(r => (r.BlobName, r.Outcome)).OrderBy(r => r.BlobName, StringComparer.Ordinal));

        // The next whole scan finds what the folder scan did not look at, and nothing it already did.
        var whole = await storage.Watcher.ScanAsync(ct);
        Assert.Equal([elsewhere, Uploaded], whole.Queued.Select(c => c.BlobName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AFolderScanBeforeAnyWholeScanDoesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.UploadAsync(Present, TestFormatParser.Json(new Article("نص")));

        var scan = await storage.Watcher.ScanFoldersAsync(["حاضر/"], ct);

        Assert.Empty(scan.Queued);
        Assert.Equal(0, storage.Watcher.Backlog);
        await Assert.ThrowsAsync<ArgumentException>(() => storage.Watcher.ScanFoldersAsync(["حاضر"], ct));
    }

    [Fact]
    public async Task TheQueueIsIngestedDeletionsFirstThenTheNewestUploads()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await StorageHarness.CreateAsync(azurite, OneAtATime);
        await storage.UploadAndIngestAsync(Removed, "سيحذف");
        await storage.Watcher.ScanAsync(ct);
        string[] names = ["1.json", "2.json", "3.json"];
        foreach (var name in names)
        {
            await storage.UploadAsync(name, TestFormatParser.Json(new Article("نص", Title: name)));
            await Task.Delay(1100, ct); // Last-Modified has one-second resolution
        }

        await storage.DeleteBlobAsync(Removed);
        await storage.Watcher.ScanAsync(ct);

        Assert.Equal([Removed, "3.json", "2.json", "1.json"], (await storage.Watcher.DrainAsync(ct)).Select(r => r.BlobName));
    }

    [Fact]
    public async Task FoldersTakeTurnsOneBlobEachSoABulkImportIntoOneDoesNotHoldUpAnother()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await StorageHarness.CreateAsync(azurite, OneAtATime);
        await storage.Watcher.ScanAsync(ct);
        foreach (var name in new[] { "a/1.json", "a/2.json", "a/3.json", "b/1.json", "b/2.json", "b/3.json" })
        {
            await storage.UploadAsync(name, TestFormatParser.Json(new Article("نص")));
        }

        await storage.Watcher.ScanAsync(ct);
        var ingested = await storage.Watcher.DrainAsync(ct);

        // Found in one listing, in name order: b/ was the last folder to get work, so it takes the first turn.
        Assert.Equal(["b/", "a/", "b/", "a/", "b/", "a/"], ingested.Select(r => r.BlobName[..2]));
    }

    [Fact]
    public async Task AnUploadFoundWhileABacklogIsIngestedGoesAheadOfTheBacklog()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await StorageHarness.CreateAsync(azurite, OneAtATime);
        await storage.Watcher.ScanAsync(ct);
        await storage.UploadAsync("backlog/1.json", TestFormatParser.Json(new Article("نص")));
        await storage.UploadAsync("backlog/2.json", TestFormatParser.Json(new Article("نص")));
        await storage.Watcher.ScanAsync(ct);

        // The first ingestion of the backlog waits inside the parser until the new upload has been found.
        using var parsing = new SemaphoreSlim(0);
        using var found = new ManualResetEventSlim();
        var parse = storage.Ingestor.Parser;
        storage.Ingestor.Parser = (name, bytes, contentType) =>
        {
            if (name.StartsWith("backlog/", StringComparison.Ordinal) && parsing.CurrentCount == 0)
            {
                parsing.Release();
                found.Wait(TimeSpan.FromSeconds(30), ct);
            }

            return parse(name, bytes, contentType);
        };
        var drain = storage.Watcher.DrainAsync(ct);
        await parsing.WaitAsync(ct);
        await Task.Delay(1100, ct); // Last-Modified has one-second resolution
        await storage.UploadAsync("fresh/new.json", TestFormatParser.Json(new Article("نص")));
        Assert.Equal(["fresh/new.json"], (await storage.Watcher.ScanAsync(ct)).Queued.Select(c => c.BlobName));
        found.Set();

        var ingested = await drain;

        Assert.Equal(["backlog/", "fresh/new.json", "backlog/"], ingested.Select(r => r.BlobName.StartsWith("backlog/", StringComparison.Ordinal) ? "backlog/" : r.BlobName));
    }

    [Fact]
    public async Task ABlobWhoseIngestionFailsDoesNotHoldUpTheOthersAndIsQueuedAgainByTheNextScan()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await storage.Watcher.ScanAsync(ct);
        await storage.UploadAsync(Present, TestFormatParser.Json(new Article("نص")));
        await storage.UploadAsync(Uploaded, TestFormatParser.Json(new Article("نص")));

        // The first attempt at Present fails the way a parser bug does.
        var parse = storage.Ingestor.Parser;
        var failures = 0;
        storage.Ingestor.Parser = (name, bytes, contentType) =>
            name == Present && Interlocked.Increment(ref failures) == 1
                ? throw new InvalidOperationException("a parser bug")
                : parse(name, bytes, contentType);
        await storage.Watcher.ScanAsync(ct);

        Assert.Equal([Uploaded], (await storage.Watcher.DrainAsync(ct)).Select(r => r.BlobName));
        Assert.Equal(0, storage.Watcher.Backlog);

        Assert.Equal([Present], (await storage.Watcher.ScanAsync(ct)).Queued.Select(c => c.BlobName));
        Assert.Equal([(Present, IngestOutcome.Created)], (await storage.Watcher.DrainAsync(ct)).Select(r => (r.BlobName, r.Outcome)));
        Assert.Empty((await storage.Watcher.ScanAsync(ct)).Queued);
    }

    private static readonly Dictionary<string, string?> OneAtATime = new()
    {
        ["DocumentStorage:ReconcileParallelism"] = "1",
    };
}
