using Azure;
using Azure.Data.Tables;
using DocumentApi.Storage.Tables;
using DocumentApi.Storage.Tests.Support;
using DocumentApi.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DocumentApi.Storage.Tests;

public sealed class TransactionCoalescerTests(AzuriteFixture azurite)
{
    private static TableTransactionAction Upsert(string partition, string row) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, row) { ["Text"] = "نص " + row });

    [Fact]
    public async Task ConcurrentWritesToOnePartitionAllLand()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await StorageHarness.CreateAsync(azurite);
        var coalescer = storage.Services.GetRequiredService<TransactionCoalescer>();
        var table = storage.Clients.ListingTable;

        await Task.WhenAll(Enumerable.Range(0, 250).Select(i =>
            coalescer.SubmitAsync(table, [Upsert("all", $"row-{i:D3}"), Upsert("all", $"row-{i:D3}-b")], ct)));

        var rows = await storage.ListingRowsAsync();
        Assert.Equal(500, rows.Count);
    }

    [Fact]
    public async Task TwoWritesOfTheSameRowBothApplyInOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await StorageHarness.CreateAsync(azurite);
        var coalescer = storage.Services.GetRequiredService<TransactionCoalescer>();
        var table = storage.Clients.ListingTable;

        // A transaction may not touch a row twice, so these can never share one.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => coalescer.SubmitAsync(table, [Upsert("all", "same")], ct)));

        Assert.Single(await storage.ListingRowsAsync());
    }

    [Fact]
    public async Task AFailingWriteFailsOnlyItsOwnCallerWithItsOwnActionIndex()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var storage = await StorageHarness.CreateAsync(azurite);
        var coalescer = storage.Services.GetRequiredService<TransactionCoalescer>();
        var table = storage.Clients.ListingTable;
        await table.AddEntityAsync(new TableEntity("all", "exists"), ct);

        var good = Enumerable.Range(0, 10).Select(i => coalescer.SubmitAsync(table, [Upsert("all", $"good-{i}")], ct)).ToList();
        var bad = coalescer.SubmitAsync(table, [Upsert("all", "fine"), new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("all", "exists"))], ct);
        good.AddRange(Enumerable.Range(10, 10).Select(i => coalescer.SubmitAsync(table, [Upsert("all", $"good-{i}")], ct)));

        await Task.WhenAll(good);
        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(() => bad);
        Assert.Equal(1, failure.FailedTransactionActionIndex);
        Assert.Equal(409, failure.Status);
        var rows = (await storage.ListingRowsAsync()).Select(r => r.RowKey).ToList();
        Assert.Equal(21, rows.Count);
        Assert.DoesNotContain("fine", rows);
    }
}
