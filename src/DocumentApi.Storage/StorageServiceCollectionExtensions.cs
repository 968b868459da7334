using Microsoft.Extensions.Logging;
using Azure;
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
        services.TryAddSingleton<TransactionCoalescer>();
        services.TryAddSingleton<TableStore>();
        services.TryAddSingleton<ChangeLog>();
        services.TryAddSingleton<DocumentIngestor>();
        services.TryAddSingleton<IDocumentIngestor>(sp => sp.GetRequiredService<DocumentIngestor>());
        services.TryAddSingleton<IDocumentCatalog, TableDocumentCatalog>();
        services.TryAddSingleton<Reconciler>();
        services.TryAddSingleton<IReconciler>(sp => sp.GetRequiredService<Reconciler>());
        services.TryAddSingleton(sp => new ContainerWatcher(
            sp.GetRequiredService<Reconciler>(), sp.GetRequiredService<DocumentIngestor>(), sp.GetRequiredService<ILogger<ContainerWatcher>>()));
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

        // What this process ingests goes into its own index straight away, without a read back from the tables.
        services.AddSingleton<ICommitObserver>(sp => sp.GetRequiredService<SearchIndexSynchronizer>());
        return services;
    }
}

/// <summary>
/// Creates the containers and tables once per process at start-up. When storage does not answer, the process starts
/// anyway (health reports it, requests get 503) and creation is retried in the background until it succeeds.
/// </summary>
internal sealed partial class StorageInitializer(StorageClients clients, ILogger<StorageInitializer> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    private bool _created;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first attempt runs inline so that, normally, everything started after this finds its tables.
        _created = await TryCreateAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!_created)
        {
            await Task.Delay(RetryInterval, stoppingToken).ConfigureAwait(false);
            _created = await TryCreateAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await clients.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (StorageErrors.IsTransient(ex))
        {
            LogUnavailable(logger, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage did not answer while creating the containers and tables; retrying in the background")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
