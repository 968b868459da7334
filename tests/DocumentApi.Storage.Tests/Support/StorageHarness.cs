using System.Collections.Immutable;
using Azure.Data.Tables;
using DocumentApi.Core.Ports;
using DocumentApi.Storage.Tables;
using DocumentApi.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocumentApi.Storage.Tests.Support;

/// <summary>
/// The storage services wired the way the hosts wire them (AddDocumentStorage), against the real Azurite of the
/// fixture, in a container and tables of their own.
/// </summary>
public sealed class StorageHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _ownsStorage = true;

    private StorageHarness(ServiceProvider services)
    {
        _services = services;
        Clients = services.GetRequiredService<StorageClients>();
        Ingestor = services.GetRequiredService<DocumentIngestor>();
        Ingestor.Parser = TestFormatParser.Parse;
        Catalog = services.GetRequiredService<IDocumentCatalog>();
        Reconciler = (Reconciler)services.GetRequiredService<IReconciler>();
        Reconciler.GracePeriod = TimeSpan.Zero;
        ChangeLog = services.GetRequiredService<ChangeLog>();
        Watcher = services.GetRequiredService<ContainerWatcher>();
    }

    internal StorageClients Clients { get; }

    internal DocumentIngestor Ingestor { get; }

    internal IDocumentCatalog Catalog { get; }

    internal Reconciler Reconciler { get; }

    internal ChangeLog ChangeLog { get; }

    internal ContainerWatcher Watcher { get; }

    internal IServiceProvider Services => _services;

    public static async Task<StorageHarness> CreateAsync(
        AzuriteFixture azurite,
        IDictionary<string, string?>? settings = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["DocumentStorage"] = azurite.ConnectionString,
            ["DocumentStorage:ContainerName"] = AzuriteFixture.UniqueName("c"),
            ["DocumentStorage:SystemContainerName"] = AzuriteFixture.UniqueName("s"),
            ["DocumentStorage:TablePrefix"] = AzuriteFixture.UniqueName("t"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddDocumentStorage(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<StorageClients>().EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return new StorageHarness(provider);
    }

    /// <summary>Another set of services over the same container and tables (another instance of the app).</summary>
    public async Task<StorageHarness> SiblingAsync(AzuriteFixture azurite, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var sibling = await CreateAsync(azurite, SameStorage(), time, configure);
        sibling._ownsStorage = false;
        return sibling;
    }

    public Dictionary<string, string?> SameStorage() => new()
    {
        ["DocumentStorage:ContainerName"] = Clients.Options.ContainerName,
        ["DocumentStorage:SystemContainerName"] = Clients.Options.SystemContainerName,
        ["DocumentStorage:TablePrefix"] = Clients.Options.TablePrefix,
    };

    public Task UploadAsync(string blobName, string content) =>
        Clients.Documents.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(content), overwrite: true, TestContext.Current.CancellationToken);

    public Task DeleteBlobAsync(string blobName) =>
        Clients.Documents.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: TestContext.Current.CancellationToken);

    public Task<IngestResult> IngestAsync(string blobName) => Ingestor.IngestAsync(blobName, TestContext.Current.CancellationToken);

    /// <summary>Uploads a one-paragraph JSON article with this title and ingests it.</summary>
    public async Task UploadAndIngestAsync(string blobName, string title)
    {
        await UploadAsync(blobName, TestFormatParser.Json(new Article("نص", Title: title)));
        await IngestAsync(blobName);
    }

    /// <summary>Every row of the blob's partition.</summary>
    public async Task<List<TableEntity>> PartitionRowsAsync(string blobName)
    {
        var partition = StorageKeys.PartitionForBlob(blobName);
        var rows = new List<TableEntity>();
        await foreach (var row in Clients.DocumentsTable.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    public Task<List<TableEntity>> ListingRowsAsync() => AllRowsAsync(Clients.ListingTable);

    public Task<List<TableEntity>> DocumentRowsAsync() => AllRowsAsync(Clients.DocumentsTable);

    public Task<List<TableEntity>> ChangeRowsAsync() => AllRowsAsync(Clients.ChangesTable);

    /// <summary>Every page of a listing query.</summary>
    public async Task<List<DocumentSummary>> ListAllAsync(DocumentListQuery query)
    {
        var items = new List<DocumentSummary>();
        var cursor = query.Cursor;
        do
        {
            var page = await Catalog.ListAsync(query with { Cursor = cursor }, TestContext.Current.CancellationToken);
            items.AddRange(page.Items);
            cursor = page.Cursor;
        }
        while (cursor is not null);
        return items;
    }

    public async ValueTask DisposeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        if (!_ownsStorage)
        {
            await _services.DisposeAsync();
            return;
        }

        await Clients.Documents.DeleteIfExistsAsync(cancellationToken: ct);
        await Clients.System.DeleteIfExistsAsync(cancellationToken: ct);
        await Clients.DocumentsTable.DeleteAsync(ct);
        await Clients.ListingTable.DeleteAsync(ct);
        await Clients.ChangesTable.DeleteAsync(ct);
        await _services.DisposeAsync();
    }

    private static async Task<List<TableEntity>> AllRowsAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>A clock that runs ahead of or behind the real one, like another machine's.</summary>
public sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
