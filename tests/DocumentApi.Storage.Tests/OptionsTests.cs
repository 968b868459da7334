using DocumentApi.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocumentApi.Storage.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void TheSectionValueIsTheConnectionStringAsInFunctions()
    {
        using var services = Build(new() { ["DocumentStorage"] = "UseDevelopmentStorage=true" });

        var clients = services.GetRequiredService<StorageClients>();

        Assert.Equal("UseDevelopmentStorage=true", clients.Options.ConnectionString);
        Assert.Equal("documents", clients.Options.ContainerName);
        Assert.Equal("devstoreaccount1", clients.BlobService.AccountName);
    }

    [Fact]
    public void IdentityBasedSettingsUseTheServiceUris()
    {
        using var services = Build(new()
        {
            ["DocumentStorage:blobServiceUri"] = "https://account.blob.core.windows.net",
            ["DocumentStorage:tableServiceUri"] = "https://account.table.core.windows.net",
            ["DocumentStorage:credential"] = "managedidentity",
            ["DocumentStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var clients = services.GetRequiredService<StorageClients>();

        Assert.Equal(new Uri("https://account.blob.core.windows.net/"), clients.BlobService.Uri);
        Assert.Equal("account", clients.TableService.AccountName);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("DocumentStorage:blobServiceUri", "https://account.blob.core.windows.net", null)]
    [InlineData("DocumentStorage:ContainerName", "Not_A_Container", "UseDevelopmentStorage=true")]
    [InlineData("DocumentStorage:TablePrefix", "9starts-with-digit", "UseDevelopmentStorage=true")]
    [InlineData("DocumentStorage:MaxTransactionBytes", "5000000", "UseDevelopmentStorage=true")]
    [InlineData("DocumentStorage:credential", "password", "UseDevelopmentStorage=true")]
    [InlineData("Parser:MaxSizeBytes", "0", "UseDevelopmentStorage=true")]
    public void InvalidSettingsFailValidation(string? key, string? value, string? connection)
    {
        var settings = new Dictionary<string, string?> { ["DocumentStorage"] = connection };
        if (key is not null)
        {
            settings[key] = value;
        }

        using var services = Build(settings);

        Assert.ThrowsAny<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<DocumentStorageOptions>>().Value;
            _ = services.GetRequiredService<IOptions<Core.Parsing.ParserOptions>>().Value;
        });
    }

    [Fact]
    public void EveryServiceResolvesAndTheClientsAreShared()
    {
        using var services = Build(new() { ["DocumentStorage"] = "UseDevelopmentStorage=true" });

        Assert.NotNull(services.GetRequiredService<IDocumentIngestor>());
        Assert.NotNull(services.GetRequiredService<IDocumentCatalog>());
        Assert.NotNull(services.GetRequiredService<IReconciler>());
        Assert.Same(services.GetRequiredService<StorageClients>(), services.GetRequiredService<StorageClients>());
    }

    [Fact]
    public void TheSynchronizerIsAHostedServiceOverTheRegisteredIndex()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DocumentStorage"] = "UseDevelopmentStorage=true" }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<Search.ISearchIndex, Support.InMemorySearchIndex>();
        services.AddDocumentStorage(configuration).AddSearchIndexSynchronizer(configuration);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var hosted = provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().ToList();

        Assert.Contains(provider.GetRequiredService<SearchIndexSynchronizer>(), hosted);
        Assert.Equal(2, hosted.Count); // the storage initializer first, so the tables exist before the first read
        Assert.Equal(TimeSpan.FromMilliseconds(500), provider.GetRequiredService<IOptions<SearchIndexSyncOptions>>().Value.PollInterval);
    }

    [Fact]
    public void TheSynchronizerOptionsRejectARetentionShorterThanTheOverlap()
    {
        using var services = Build(new()
        {
            ["DocumentStorage"] = "UseDevelopmentStorage=true",
            ["SearchIndexSync:OverlapWindow"] = "00:10:00",
            ["SearchIndexSync:ChangeLogRetention"] = "00:05:00",
        });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SearchIndexSyncOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddDocumentStorage(configuration);
        services.AddOptions<SearchIndexSyncOptions>().Bind(configuration.GetSection(SearchIndexSyncOptions.SectionName)).ValidateDataAnnotations();
        return services.BuildServiceProvider();
    }
}
