using DocumentApi.Core.Documents;
using DocumentApi.Core.Ports;
using DocumentApi.Storage.Tests.Support;
using DocumentApi.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocumentApi.Storage.Tests;

public sealed class SearchIndexSynchronizerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task WithoutASnapshotTheIndexIsRebuiltFromTheTables()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        await IngestAsync(storage, "أ.json", new Article("الأسواق السعودية", Title: "أسواق"));
        await storage.UploadAsync("مصفوفة #2.json", TestFormatParser.JsonArray(new Article("النفط والذهب"), new Article("مباراة الهلال")));
        await storage.IngestAsync("مصفوفة #2.json");
        await storage.UploadAsync("معطوب.json", "ليس JSON");
        await storage.IngestAsync("معطوب.json");
        using var index = new InMemorySearchIndex();
        var synchronizer = Synchronizer(storage, index);

        await synchronizer.InitializeAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, index.SnapshotsLoaded);
        Assert.Equal(3, index.Count);
        Assert.Equal("مباراة الهلال", index.Find(DocumentId.For("مصفوفة #2.json", 1))!.Text);
        Assert.Null(index.Find(DocumentId.For("معطوب.json")));
        Assert.True(synchronizer.Ready.IsCompleted);
    }

    [Fact]
    public async Task PollingAppliesCreatesUpdatesRemovalsAndFailures()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        using var index = new InMemorySearchIndex();
        var synchronizer = Synchronizer(storage, index);
        await synchronizer.InitializeAsync(TestContext.Current.CancellationToken);
        const string name = "يومي/٢١ تموز.json";
        var ct = TestContext.Current.CancellationToken;

        await storage.UploadAsync(name, TestFormatParser.JsonArray(new Article("ارتفاع أسعار النفط", Title: "نفط", Source: "okaz"), new Article("هبوط الذهب")));
        await storage.IngestAsync(name);
        await synchronizer.SyncOnceAsync(ct);
        Assert.Equal(2, index.Count);
        Assert.Equal(new Search.IndexedDocument(DocumentId.For(name, 0), "نفط", "ارتفاع أسعار النفط", null, "okaz"), index.Find(DocumentId.For(name, 0)));

        await storage.UploadAsync(name, TestFormatParser.JsonArray(new Article("انخفاض أسعار النفط", Title: "نفط")));
        await storage.IngestAsync(name);
        await synchronizer.SyncOnceAsync(ct);
        Assert.Equal("انخفاض أسعار النفط", Assert.Single((await index.SearchAsync(new SearchQuery("النفط"), ct)).Items) is { } hit ? index.Find(hit.Id)!.Text : null);
        Assert.Equal(1, index.Count);

        await storage.UploadAsync(name, "تالف");
        await storage.IngestAsync(name);
        await synchronizer.SyncOnceAsync(ct);
        Assert.Equal(0, index.Count);

        await storage.UploadAsync(name, TestFormatParser.Json(new Article("عودة")));
        await storage.IngestAsync(name);
        await synchronizer.SyncOnceAsync(ct);
        Assert.Equal(1, index.Count);

        await storage.DeleteBlobAsync(name);
        await storage.IngestAsync(name);
        await synchronizer.SyncOnceAsync(ct);
        Assert.Equal(0, index.Count);
        Assert.Equal(0, await synchronizer.SyncOnceAsync(ct));
    }

    [Fact]
    public async Task StartUpLoadsTheSnapshotAndReplaysTheChangeLogAfterIt()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        var ct = TestContext.Current.CancellationToken;
        using var first = new InMemorySearchIndex();
        var writer = Synchronizer(storage, first);
        await writer.InitializeAsync(ct);
        await IngestAsync(storage, "قبل اللقطة.json", new Article("قبل"));
        await writer.SyncOnceAsync(ct);
        var saved = await writer.SaveSnapshotAsync(ct);
        await IngestAsync(storage, "بعد اللقطة.json", new Article("بعد"));
        await storage.DeleteBlobAsync("قبل اللقطة.json");
        await storage.IngestAsync("قبل اللقطة.json");

        using var second = new InMemorySearchIndex();
        var reader = Synchronizer(storage, second);
        await reader.InitializeAsync(ct);

        Assert.True(saved.Written);
        Assert.Equal(1, second.SnapshotsLoaded);
        Assert.Equal(["بعد"], second.Find(DocumentId.For("بعد اللقطة.json")) is { } d ? [d.Text] : Array.Empty<string>());
        Assert.Null(second.Find(DocumentId.For("قبل اللقطة.json")));
        Assert.Equal(1, second.Count);
    }

    [Fact]
    public async Task AnEntryCommittedLateByASlowerWriterIsNotLost()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        var ct = TestContext.Current.CancellationToken;
        using var index = new InMemorySearchIndex();
        var synchronizer = Synchronizer(storage, index);
        await synchronizer.InitializeAsync(ct);
        await IngestAsync(storage, "سريع.json", new Article("سريع"));
        await synchronizer.SyncOnceAsync(ct);
        var cursor = synchronizer.Cursor!;

        // Another instance whose clock is five seconds behind commits after the cursor moved past its entry's key.
        await using var slow = await storage.SiblingAsync(azurite, new OffsetTimeProvider(TimeSpan.FromSeconds(-5)));
        await slow.UploadAsync("بطيء.json", TestFormatParser.Json(new Article("بطيء")));
        await slow.IngestAsync("بطيء.json");
        var late = Assert.Single(await storage.ChangeLog.ReadAfterAsync(null, ct), e => e.DocumentIds.Contains(DocumentId.For("بطيء.json")));
        Assert.True(string.CompareOrdinal(late.Key, cursor) < 0, "the late entry sorts before the cursor");

        Assert.Equal(1, await synchronizer.SyncOnceAsync(ct));

        Assert.Equal("بطيء", index.Find(DocumentId.For("بطيء.json"))!.Text);
        Assert.Equal(0, await synchronizer.SyncOnceAsync(ct));
    }

    [Fact]
    public async Task SavingASnapshotPrunesEntriesOlderThanItsCursorMinusTheRetention()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        var ct = TestContext.Current.CancellationToken;
        await using (var past = await storage.SiblingAsync(azurite, new OffsetTimeProvider(TimeSpan.FromHours(-2))))
        {
            await past.UploadAsync("قديم.json", TestFormatParser.Json(new Article("قديم")));
            await past.IngestAsync("قديم.json");
        }

        await IngestAsync(storage, "حديث.json", new Article("حديث"));
        using var index = new InMemorySearchIndex();
        var synchronizer = Synchronizer(storage, index);
        await synchronizer.InitializeAsync(ct);

        var result = await synchronizer.SaveSnapshotAsync(ct);

        Assert.Equal(1, result.PrunedEntries);
        var remaining = Assert.Single(await storage.ChangeLog.ReadAfterAsync(null, ct));
        Assert.Equal([DocumentId.For("حديث.json")], remaining.DocumentIds);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public async Task AnOlderSnapshotDoesNotReplaceANewerOne()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        var ct = TestContext.Current.CancellationToken;
        using var behindIndex = new InMemorySearchIndex();
        var behind = Synchronizer(storage, behindIndex);
        await behind.InitializeAsync(ct);
        using var currentIndex = new InMemorySearchIndex();
        var current = Synchronizer(storage, currentIndex);
        await current.InitializeAsync(ct);
        await IngestAsync(storage, "جديد.json", new Article("جديد"));
        await current.SyncOnceAsync(ct);

        var newer = await current.SaveSnapshotAsync(ct);
        var older = await behind.SaveSnapshotAsync(ct);

        Assert.True(newer.Written);
        Assert.False(older.Written);
        using var fresh = new InMemorySearchIndex();
        await Synchronizer(storage, fresh).InitializeAsync(ct);
        Assert.Equal(1, fresh.SnapshotsLoaded);
        Assert.NotNull(fresh.Find(DocumentId.For("جديد.json")));
    }

    [Fact]
    public async Task TheHostedServiceMakesAnIngestedDocumentSearchable()
    {
        await using var storage = await StorageHarness.CreateAsync(azurite);
        var ct = TestContext.Current.CancellationToken;
        using var index = new InMemorySearchIndex();
        using var synchronizer = Synchronizer(storage, index);
        await synchronizer.StartAsync(ct);
        await synchronizer.Ready.WaitAsync(TimeSpan.FromSeconds(30), ct);

        await IngestAsync(storage, "عاجل/خبر عاجل.json", new Article("خبر عاجل عن الطقس في جدة"));

        // Waits for the poll loop; the bound only stops a broken loop from hanging the run.
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(TimeSpan.FromSeconds(60));
        while ((await index.SearchAsync(new SearchQuery("الطقس"), ct)).Total == 0)
        {
            await Task.Delay(50, bound.Token);
        }

        await synchronizer.StopAsync(ct);
        Assert.Equal(DocumentId.For("عاجل/خبر عاجل.json"), Assert.Single((await index.SearchAsync(new SearchQuery("الطقس"), ct)).Items).Id);
    }

    private static SearchIndexSynchronizer Synchronizer(StorageHarness storage, InMemorySearchIndex index) => new(
        storage.Clients,
        storage.ChangeLog,
        index,
        Options.Create(new SearchIndexSyncOptions { PollInterval = TimeSpan.FromMilliseconds(50), OverlapWindow = TimeSpan.FromSeconds(30), OverlapRereadInterval = TimeSpan.Zero }),
        TimeProvider.System,
        NullLogger<SearchIndexSynchronizer>.Instance);

    private static async Task IngestAsync(StorageHarness storage, string name, Article article)
    {
        await storage.UploadAsync(name, TestFormatParser.Json(article));
        await storage.IngestAsync(name);
    }
}
