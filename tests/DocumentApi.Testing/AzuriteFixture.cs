using Azure.Data.Tables;
using Azure.Storage.Blobs;
using DocumentApi.Azurite;
using Xunit;

namespace DocumentApi.Testing;

/// <summary>
/// One real Azurite per test assembly (register with <c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>).
/// Tests isolate themselves with <see cref="UniqueName"/> containers and tables, never by mocking storage.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? _azurite;

    public string ConnectionString => Azurite.ConnectionString;

    public AzuriteInstance Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public static string RepositoryRoot { get; } = AzuriteInstaller.FindRepositoryRoot();

    public async ValueTask InitializeAsync() =>
        _azurite = await AzuriteInstance.StartAsync(RepositoryRoot, cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    public BlobServiceClient BlobService() => new(ConnectionString);

    public TableServiceClient TableService() => new(ConnectionString);

    /// <summary>A name valid for both a container and a table: a letter, then lower-case letters and digits.</summary>
    public static string UniqueName(string prefix = "t") =>
        (prefix + Guid.NewGuid().ToString("N"))[..Math.Min(prefix.Length + 32, 63)].ToLowerInvariant();
}
