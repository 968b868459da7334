using DocumentApi.Core.Ports;
using DocumentApi.Http.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocumentApi.Http;

/// <summary>Liveness and readiness in one anonymous endpoint.</summary>
public static class HealthApi
{
    /// <summary><c>GET /health</c>: 200 when storage answers, 503 (same body) when it does not.</summary>
    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealthAsync(
        IDocumentCatalog catalog, ISearchIndexStatus index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(index);
        var storage = await catalog.CheckHealthAsync(cancellationToken);
        var body = new HealthResponse(
            storage.StorageReachable ? "healthy" : "unhealthy",
            new StorageHealth(storage.StorageReachable),
            new IndexHealth(index.DocumentCount, index.LastSyncedAt?.UtcDateTime));
        return storage.StorageReachable
            ? TypedResults.Ok(body)
            : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
