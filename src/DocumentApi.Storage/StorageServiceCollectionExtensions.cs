using DocumentApi.Core.Parsing;
using DocumentApi.Core.Ports;
using DocumentApi.Storage.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DocumentApi.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage clients (one per process), the ingestor, the catalog, the reconciler and the change log,
    /// plus a hosted service that creates the containers and tables at start-up. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddDocumentStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(DocumentStorageOptions.SectionName);
        services.AddOptions<DocumentStorageOptions>()
            .Bind(section)
            .PostConfigure(options =>
            {
                // Functions convention: "DocumentStorage" itself holds the connection string.
                if (string.IsNullOrWhiteSpace(options.ConnectionString) && !string.IsNullOrWhiteSpace(section.Value))
                {
                    options.ConnectionString = section.Value;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ParserOptions>()
            .Bind(configuration.GetSection(ParserOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StorageClients>();
        services.TryAddSingleton<TableStore>();
        services.TryAddSingleton<ChangeLog>();
        services.TryAddSingleton<DocumentIngestor>();
        services.TryAddSingleton<IDocumentIngestor>(sp => sp.GetRequiredService<DocumentIngestor>());
        services.TryAddSingleton<IDocumentCatalog, TableDocumentCatalog>();
        services.TryAddSingleton<IReconciler, Reconciler>();
        services.AddHostedService<StorageInitializer>();
        return services;
    }

    /// <summary>
    /// Keeps the registered <see cref="Search.ISearchIndex"/> current from the change log (snapshot, then replay,
    /// then polling) as a hosted service. Call after <see cref="AddDocumentStorage"/>.
    /// </summary>
    public static IServiceCollection AddSearchIndexSynchronizer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SearchIndexSyncOptions>()
            .Bind(configuration.GetSection(SearchIndexSyncOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<SearchIndexSynchronizer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexSynchronizer>());
        return services;
    }
}

/// <summary>Creates the containers and tables once per process at start-up.</summary>
internal sealed class StorageInitializer(StorageClients clients) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => clients.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
