using DocumentApi.Core.Documents;
using DocumentApi.Core.Ports;
using DocumentApi.Http.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace DocumentApi.Http;

/// <summary>Listing and retrieval of documents.</summary>
public static class DocumentsApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    private const int MaxSourceLength = 64;

    /// <summary><c>GET /documents?top=&amp;continuationToken=&amp;source=&amp;from=&amp;to=</c>, newest first.</summary>
    public static async Task<Results<Ok<DocumentListResponse>, ProblemHttpResult>> ListDocumentsAsync(
        HttpRequest request, IDocumentCatalog catalog, ContinuationTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(tokens);
        var query = request.Query;
        if (!QueryParameters.TryGetInt(query, "top", DefaultPageSize, 1, MaxPageSize, out var top, out var problem)
            || !QueryParameters.TryGetString(query, "source", MaxSourceLength, out var source, out problem)
            || !QueryParameters.TryGetDateRange(query, out var from, out var to, out problem)
            || !QueryParameters.TryGetString(query, "continuationToken", 4096, out var token, out problem))
        {
            return problem;
        }

        // A token is only valid for the filters that produced it; the page size may change between pages.
        var scope = $"{source}|{from:O}|{to:O}";
        string? cursor = null;
        if (token is not null)
        {
            cursor = tokens.Unprotect(token, scope);
            if (cursor is null)
            {
                return ApiProblems.InvalidParameter(
                    "continuationToken", "The continuation token is not one this API issued for these filters.");
            }
        }

        var page = await catalog.ListAsync(new DocumentListQuery(top, source, from, to, cursor), cancellationToken);
        return TypedResults.Ok(new DocumentListResponse(
            [.. page.Items.Select(DocumentListItem.From)],
            page.Cursor is null ? null : tokens.Protect(page.Cursor, scope)));
    }

    /// <summary><c>GET /documents/{id}</c>: the whole document with a strong ETag; <c>If-None-Match</c> gives 304.</summary>
    public static async Task<Results<Ok<DocumentResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetDocumentAsync(
        HttpRequest request, string id, IDocumentCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);

        // Anything that is not shaped like an id cannot name a document, and must never reach a storage query.
        if (!DocumentId.IsWellFormed(id))
        {
            return ApiProblems.DocumentNotFound(id);
        }

        var entry = await catalog.GetAsync(id, cancellationToken);
        if (entry is null)
        {
            return ApiProblems.DocumentNotFound(id);
        }

        var etag = new EntityTagHeaderValue(Quote(entry.ETag));
        request.HttpContext.Response.Headers.ETag = etag.ToString();
        if (IfNoneMatch(request, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Ok(DocumentResponse.From(entry));
    }

    /// <summary><c>GET /documents/{id}/content</c>: the original bytes, streamed, with the blob's content type and ETag.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetDocumentContentAsync(
        string id, IDocumentCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!DocumentId.IsWellFormed(id))
        {
            return ApiProblems.DocumentNotFound(id);
        }

        var content = await catalog.OpenContentAsync(id, cancellationToken);
        if (content is null)
        {
            return ApiProblems.DocumentNotFound(id);
        }

        // The stream result handles If-None-Match against the blob's ETag and disposes the stream.
        return TypedResults.Stream(content.Content, content.ContentType, entityTag: new EntityTagHeaderValue(Quote(content.ETag)));
    }

    private static bool IfNoneMatch(HttpRequest request, EntityTagHeaderValue etag)
    {
        var header = request.GetTypedHeaders().IfNoneMatch;
        return header.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: true));
    }

    private static string Quote(string etag) =>
        etag.StartsWith('"') || etag.StartsWith("W/", StringComparison.Ordinal) ? etag : $"\"{etag}\"";
}
