using DocumentApi.Core.Ports;
using static DocumentApi.Search.Tests.SearchTestIndex;

namespace DocumentApi.Search.Tests;

public class IndexLifecycleTests
{
    private static readonly string[] SampleQueries =
    [
        "مسؤول", "الرياض", "\"وزارة الصحة\"", "مستشفى -الرياض", "أحمد محمد", "٢٠٠ 2015", "مدرسة سيارة طائرة", "السعودية",
    ];

    [Fact]
    public async Task UpsertReplacesTheDocumentAndItsOldWords()
    {
        using var index = With(Doc("doc", "هبطت طائرة في المطار", title: "طائرة"));

        index.Upsert(Doc("doc", "توقفت سيارة أمام المبنى", title: "سيارة"));
        index.Refresh();

        Assert.Equal(0, (await index.Find("طائرة")).Total);
        var hit = Assert.Single((await index.Find("سيارة")).Items);
        Assert.Equal("سيارة", hit.Title);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public async Task ChangesBecomeVisibleOnRefresh()
    {
        using var index = With(Doc("old", "مدرسة قديمة"));

        index.Upsert(Doc("new", "مدرسة جديدة"));
        index.Delete("old");
        Assert.Equal(["old"], await index.Ids("مدرسة"));
        Assert.Equal(1, index.Count);

        index.Refresh();
        Assert.Equal(["new"], await index.Ids("مدرسة"));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public async Task DeleteRemovesOnlyThatDocument()
    {
        using var index = With(Doc("a", "مدرسة"), Doc("b", "مدرسة"));

        index.Delete("a");
        index.Delete("missing");
        index.Refresh();

        Assert.Equal(["b"], await index.Ids("مدرسة"));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public async Task ClearRemovesEveryDocument()
    {
        using var index = SampleArticles.CreateIndex();
        Assert.Equal(SampleArticles.Documents.Count, index.Count);

        index.Clear();
        index.Refresh();

        Assert.Equal(0, index.Count);
        Assert.Equal(0, (await index.Find("الرياض")).Total);
    }

    [Fact]
    public async Task SnapshotRoundTripGivesIdenticalResults()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var original = SampleArticles.CreateIndex();
        original.Delete("sample-00");
        original.Refresh();
        using var snapshot = new MemoryStream();
        await original.WriteSnapshotAsync(snapshot, cancellationToken);

        using var restored = LuceneSearchIndex.Create();
        snapshot.Position = 0;
        await restored.LoadSnapshotAsync(snapshot, cancellationToken);

        Assert.Equal(SampleArticles.Documents.Count - 1, restored.Count);
        Assert.Equal(original.Count, restored.Count);
        foreach (var query in SampleQueries)
        {
            var expected = await original.Find(query, top: 50);
            var actual = await restored.Find(query, top: 50);
            Assert.True(expected.Total > 0, query);
            Assert.Equal(Describe(expected), Describe(actual));
        }
    }

    [Fact]
    public async Task LoadingASnapshotReplacesTheContentAndTheIndexStaysWritable()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var source = With(Doc("from-snapshot", "مدرسة في الرياض"));
        using var snapshot = new MemoryStream();
        await source.WriteSnapshotAsync(snapshot, cancellationToken);
        using var target = With(Doc("before-load", "مدرسة في جدة"));

        snapshot.Position = 0;
        await target.LoadSnapshotAsync(snapshot, cancellationToken);
        Assert.Equal(["from-snapshot"], await target.Ids("مدرسة"));

        target.Upsert(Doc("after-load", "مدرسة في مكة"));
        target.Refresh();
        Assert.Equal(["after-load", "from-snapshot"], await target.Ids("مدرسة"));
    }

    [Fact]
    public async Task SnapshotOfAnEmptyIndexLoads()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var empty = LuceneSearchIndex.Create();
        using var snapshot = new MemoryStream();
        await empty.WriteSnapshotAsync(snapshot, cancellationToken);
        using var target = With(Doc("a", "مدرسة"));

        snapshot.Position = 0;
        await target.LoadSnapshotAsync(snapshot, cancellationToken);

        Assert.Equal(0, target.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(100)]
    public async Task ABrokenSnapshotIsRefusedAndTheContentKept(int keepBytes)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var source = SampleArticles.CreateIndex();
        using var snapshot = new MemoryStream();
        await source.WriteSnapshotAsync(snapshot, cancellationToken);
        using var target = With(Doc("kept", "مدرسة"));

        using var truncated = new MemoryStream(snapshot.ToArray()[..keepBytes]);
        await Assert.ThrowsAsync<InvalidDataException>(() => target.LoadSnapshotAsync(truncated, cancellationToken));

        using var garbage = new MemoryStream("not a snapshot at all"u8.ToArray());
        await Assert.ThrowsAsync<InvalidDataException>(() => target.LoadSnapshotAsync(garbage, cancellationToken));

        Assert.Equal(["kept"], await target.Ids("مدرسة"));
    }

    [Fact]
    public async Task ASnapshotWithACorruptFileIsRefused()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var source = SampleArticles.CreateIndex();
        using var snapshot = new MemoryStream();
        await source.WriteSnapshotAsync(snapshot, cancellationToken);
        var bytes = snapshot.ToArray();
        bytes[^100] ^= 0xFF;
        using var target = With(Doc("kept", "مدرسة"));

        await Assert.ThrowsAsync<InvalidDataException>(() => target.LoadSnapshotAsync(new MemoryStream(bytes), cancellationToken));
        Assert.Equal(["kept"], await target.Ids("مدرسة"));
    }

    [Fact]
    public async Task ConcurrentWritesSearchesRefreshesAndSnapshotsAreSafe()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var index = LuceneSearchIndex.Create();
        var documents = SampleArticles.Documents;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(
            async () =>
            {
                for (var i = worker; i < documents.Count; i += 4)
                {
                    index.Upsert(documents[i]);
                    if (i % 3 == 0)
                    {
                        index.Refresh();
                    }

                    await index.SearchAsync(new SearchQuery("الرياض"), cancellationToken);
                    if (i % 10 == 0)
                    {
                        await index.WriteSnapshotAsync(Stream.Null, cancellationToken);
                    }
                }
            },
            cancellationToken)));
        index.Refresh();

        Assert.Equal(documents.Count, index.Count);
    }

    [Fact]
    public async Task ACancelledSearchThrowsOperationCanceled()
    {
        using var index = With(Doc("a", "مدرسة"));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => index.SearchAsync(new SearchQuery("مدرسة"), cancellation.Token));
    }

    [Fact]
    public void SizeGrowsWithTheDocuments()
    {
        using var index = LuceneSearchIndex.Create();
        var empty = index.SizeInBytes;

        foreach (var document in SampleArticles.Documents)
        {
            index.Upsert(document);
        }

        index.Refresh();
        Assert.True(index.SizeInBytes > empty + 10_000, $"{empty} → {index.SizeInBytes}");
    }

    private static string Describe(SearchResults results) =>
        $"{results.Total} {results.MatchMode}\n" + string.Join('\n', results.Items.Select(h =>
            $"{h.Id} {h.Score:R} {h.Title} {h.Source} {h.PublishedAt:O} {string.Join(" ¦ ", h.Snippets)}"));
}
