using DocumentApi.Core.Ports;
using DocumentApi.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace DocumentApi.Functions;

/// <summary>One HTTP function per endpoint; each calls the handler the standalone server maps.</summary>
public sealed class HttpFunctions(
    IDocumentCatalog catalog, IDocumentSearch search, ISearchIndexStatus index, ContinuationTokens tokens)
{
    [Function(nameof(Health))]
    public async Task<IResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request,
        CancellationToken cancellationToken) =>
        await HealthApi.GetHealthAsync(catalog, index, cancellationToken);

    [Function(nameof(ListDocuments))]
    public async Task<IResult> ListDocuments(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Documents)] HttpRequest request,
        CancellationToken cancellationToken) =>
        await DocumentsApi.ListDocumentsAsync(request, catalog, tokens, cancellationToken);

    [Function(nameof(GetDocument))]
    public async Task<IResult> GetDocument(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Document)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        await DocumentsApi.GetDocumentAsync(request, id, catalog, cancellationToken);

    [Function(nameof(GetDocumentContent))]
    public async Task<IResult> GetDocumentContent(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.DocumentContent)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        await DocumentsApi.GetDocumentContentAsync(id, catalog, cancellationToken);

    [Function(nameof(Search))]
    public async Task<IResult> Search(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Search)] HttpRequest request,
        CancellationToken cancellationToken) =>
        await SearchApi.SearchAsync(request, search, cancellationToken);
}
