using System.Text;
using DocumentApi.Core.Documents;
using DocumentApi.Storage.Tables;
using DocumentApi.Storage.Tests.Support;
using DocumentApi.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocumentApi.Storage.Tests;

/// <summary>
/// The process that ingests a blob puts its documents into its own index as it commits them, instead of reading them
/// back when the change-log entry comes round; every other process still learns of them from the change log.
/// </summary>
public sealed class CommitObserverTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task WhatThisProcessCommitsIsSearchableWithoutAPollAndIsNeverReadBack()
    {
        var ct = TestContext.Current.CancellationToken;
        using var index = new InMemorySearchIndex();
        await using var storage = await StorageHarness.CreateAsync(azurite, configure: services => ObserveWith(services, index));
        var synchronizer = storage.Services.GetRequiredService<SearchIndexSynchronizer>();
        await synchronizer.InitializeAsync(ct);
        const string name = "محليات/الزعفران.json";

        await storage.UploadAsync(name, TestFormatParser.Json(new Article("موسم الزعفران في الطائف", Title: "زعفران")));
        await storage.IngestAsync(name);

        // No poll has run: the commit itself put the document in, and a refresh follows within moments.
        await WaitUntilAsync(() => index.Find(DocumentId.For(name)) is not null, ct);
        Assert.Equal("موسم الزعفران في الطائف", index.Find(DocumentId.For(name))!.Text);

        Assert.Equal(1, await synchronizer.SyncOnceAsync(ct));
        Assert.Equal(0, synchronizer.DocumentsReadBack);

        // Another instance of the app changes it: this process learns of it from the change log and reads it.
        await using var other = await storage.SiblingAsync(azurite);
        await storage.UploadAsync(name, TestFormatParser.Json(new Article("انتهى موسم الزعفران", Title: "زعفران")));
        await other.IngestAsync(name);
        Assert.Equal(1, await synchronizer.SyncOnceAsync(ct));
        Assert.Equal(1, synchronizer.DocumentsReadBack);
        Assert.Equal("انتهى موسم الزعفران", index.Find(DocumentId.For(name))!.Text);

        // Removing the blob here removes the document here, again without a read.
        await storage.DeleteBlobAsync(name);
        await storage.IngestAsync(name);
        await WaitUntilAsync(() => index.Find(DocumentId.For(name)) is null, ct);
        Assert.Equal(1, await synchronizer.SyncOnceAsync(ct));
        Assert.Equal(1, synchronizer.DocumentsReadBack);
    }

    [Fact]
    public async Task ACommitOvertakenByANewerVersionAppliedFromTheChangeLogIsLeftToTheChangeLog()
    {
        var ct = TestContext.Current.CancellationToken;
        using var index = new InMemorySearchIndex();
        await using var storage = await StorageHarness.CreateAsync(azurite, configure: services => ObserveWith(services, index));
        var synchronizer = storage.Services.GetRequiredService<SearchIndexSynchronizer>();
        ICommitObserver observer = synchronizer;
        await synchronizer.InitializeAsync(ct);
        const string name = "سباق.json";
        var partition = StorageKeys.PartitionForBlob(name);

        // This process is about to commit the old version when another instance commits a newer one, which this
        // process reads from the change log before its own commit is reported.
        var token = observer.BeforeCommit(partition);
        await using var other = await storage.SiblingAsync(azurite);
        await storage.UploadAsync(name, TestFormatParser.Json(new Article("النسخة الأحدث")));
        await other.IngestAsync(name);
        await synchronizer.SyncOnceAsync(ct);
        var older = TestFormatParser.Parse(name, Encoding.UTF8.GetBytes(TestFormatParser.Json(new Article("النسخة الأقدم"))), null);
        await observer.CommittedAsync(partition, token, ["0000000000000000001-late-0000"], older, [], ct);
        index.Refresh();

        Assert.Equal("النسخة الأحدث", index.Find(DocumentId.For(name))!.Text);

        // Without anything in between, the same report is applied.
        token = observer.BeforeCommit(partition);
        await observer.CommittedAsync(partition, token, ["0000000000000000002-next-0000"], older, [], ct);
        index.Refresh();
        Assert.Equal("النسخة الأقدم", index.Find(DocumentId.For(name))!.Text);
    }

    private static void ObserveWith(IServiceCollection services, InMemorySearchIndex index)
    {
        services.AddSingleton(sp => new SearchIndexSynchronizer(
            sp.GetRequiredService<StorageClients>(),
            sp.GetRequiredService<ChangeLog>(),
            index,
            Options.Create(new SearchIndexSyncOptions { OverlapWindow = TimeSpan.FromSeconds(30), OverlapRereadInterval = TimeSpan.Zero }),
            TimeProvider.System,
            NullLogger<SearchIndexSynchronizer>.Instance));
        services.AddSingleton<ICommitObserver>(sp => sp.GetRequiredService<SearchIndexSynchronizer>());
    }

    /// <summary>Waits for something the code does in the background; the bound only stops a broken build from hanging.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, bound.Token);
        }
    }
}
