using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using DocumentApi.Storage.Tables;
using DocumentApi.Storage.Tests.Support;
using DocumentApi.Testing;

namespace DocumentApi.Storage.Tests;

public sealed class WireSizeTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("abc", 5)] // quotes + 3
    [InlineData("عربي", 26)] // quotes + 4 × \uXXXX
    [InlineData("a\"b", 6)]
    [InlineData("", 2)]
    public void WireSizeCountsTheEscapesTheTablesClientSends(string text, long expected) =>
        Assert.Equal(expected, WireSize.JsonString(text));

    [Fact]
    public async Task TheEstimateIsNeverBelowWhatTheTablesClientSends()
    {
        var ct = TestContext.Current.CancellationToken;
        var measure = new RequestSizePolicy();
        var options = new TableClientOptions();
        options.AddPolicy(measure, HttpPipelinePosition.PerCall);
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("w"), options);
        await table.CreateAsync(ct);
        var random = new Random(3);
        var body = new byte[50_000];
        random.NextBytes(body);
        var entities = Enumerable.Range(0, 40).Select(i => new TableEntity("مقالات's", $"row-{i}")
        {
            ["Title"] = ArabicText.Words(300, seed: i),
            ["Quoted"] = "\"quoted\" \\ and\ttabs",
            ["B0"] = body,
            ["When"] = DateTimeOffset.UnixEpoch,
            ["Count"] = 123456789L,
            ["Flag"] = true,
        }).ToList();

        await table.SubmitTransactionAsync(entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct);

        var estimate = entities.Sum(WireSize.Of);
        Assert.True(measure.LastBytes > 2_000_000, $"the batch should be big ({measure.LastBytes} bytes)");
        Assert.True(estimate >= measure.LastBytes, $"estimated {estimate} bytes, sent {measure.LastBytes}");
        await table.DeleteAsync(ct);
    }

    private sealed class RequestSizePolicy : HttpPipelinePolicy
    {
        public long LastBytes { get; private set; }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            ProcessNext(message, pipeline);
        }

        private void Record(HttpMessage message)
        {
            if (message.Request.Content is { } content && content.TryComputeLength(out var length))
            {
                LastBytes = length;
            }
        }
    }
}
