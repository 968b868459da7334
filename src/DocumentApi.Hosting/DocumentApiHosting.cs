using DocumentApi.Core.Ports;
using DocumentApi.Http;
using DocumentApi.Search;
using DocumentApi.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocumentApi.Hosting;

public static class DocumentApiHosting
{
    /// <summary>The configuration key of the storage connection (a connection string, or identity-based settings under it).</summary>
    public const string StorageConnectionKey = DocumentStorageOptions.SectionName;

    /// <summary>
    /// Everything a host of DocumentApi needs: storage (ingestion, catalog, reconciler), this instance's in-memory
    /// search index kept current from the change log, and the HTTP API's options. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddDocumentApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<ISearchIndex>(_ => LuceneSearchIndex.Create());
        services.AddSingleton<IDocumentSearch, SearchWhenReady>();
        services.AddDocumentStorage(configuration);
        services.AddSearchIndexSynchronizer(configuration);
        services.AddSingleton<ISearchIndexStatus, SearchIndexStatus>();

        // Every instance of one deployment shares its storage settings, so they can stand in for a shared key.
        services.AddDocumentApiHttp(configuration, continuationKeyFallback: StorageIdentity(configuration));
        return services;
    }

    private static string StorageIdentity(IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageConnectionKey);
        return string.Join(
            '\n',
            section.Value ?? "",
            section["ConnectionString"] ?? "",
            section["blobServiceUri"] ?? "",
            section["tableServiceUri"] ?? "");
    }
}

/// <summary>
/// Searches wait (briefly) until this instance's index has loaded its snapshot or rebuilt, so a cold instance answers
/// a moment late rather than wrongly with nothing; when loading takes longer, the answer is 503 (try again), never a
/// request left hanging.
/// </summary>
internal sealed class SearchWhenReady(ISearchIndex index, SearchIndexSynchronizer synchronizer) : IDocumentSearch
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        if (!synchronizer.Ready.IsCompleted)
        {
            try
            {
                await synchronizer.Ready.WaitAsync(MaxWait, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException ex)
            {
                throw new DocumentStoreUnavailableException("The search index of this instance is still loading.", ex);
            }
        }

        return await index.SearchAsync(query, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Health's view of this instance's index.</summary>
internal sealed class SearchIndexStatus(ISearchIndex index, SearchIndexSynchronizer synchronizer) : ISearchIndexStatus
{
    public int DocumentCount => index.Count;

    public DateTimeOffset? LastSyncedAt => synchronizer.LastSyncedAt;
}
