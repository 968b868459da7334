using Azure;

namespace DocumentApi.Storage.Tests;

public sealed class StorageErrorsTests
{
    [Theory]
    [InlineData(0, true)] // no response
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(403, false)] // a missing role assignment is not cured by retrying
    [InlineData(404, false)]
    [InlineData(412, false)]
    public void OnlyOutagesThrottlingAndServerErrorsAreTransient(int status, bool transient) =>
        Assert.Equal(transient, StorageErrors.IsTransient((Exception)new RequestFailedException(status, "x")));

    [Fact]
    public void RetriesExhaustedOnConnectionFailuresAreTransient()
    {
        // Azure.Core's shape when every retry failed without a response (connection refused, DNS, TLS).
        var exhausted = new AggregateException(new RequestFailedException("Connection refused"), new RequestFailedException("Connection refused"));
        Assert.True(StorageErrors.IsTransient(exhausted));
        Assert.Equal(0, StorageErrors.StatusOf(exhausted));
    }

    [Fact]
    public void AnAggregateOfOtherFailuresIsNotTransient()
    {
        Assert.False(StorageErrors.IsTransient(new AggregateException(new InvalidOperationException())));
        Assert.False(StorageErrors.IsTransient(new AggregateException()));
        Assert.False(StorageErrors.IsTransient(new InvalidOperationException()));
    }
}
