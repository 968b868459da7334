using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocumentApi.Http;

public static class HttpApiExtensions
{
    /// <summary>
    /// JSON, problem details and API options shared by both hosts. <paramref name="continuationKeyFallback"/> is
    /// used to derive the continuation-token key when <see cref="ApiOptions.ContinuationTokenKey"/> is not set.
    /// </summary>
    public static IServiceCollection AddDocumentApiHttp(
        this IServiceCollection services, IConfiguration configuration, string continuationKeyFallback)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSingleton(provider =>
        {
            var configured = configuration[$"{ApiOptions.SectionName}:{nameof(ApiOptions.ContinuationTokenKey)}"];
            return new ContinuationTokens(ContinuationTokens.DeriveKey(
                string.IsNullOrEmpty(configured) ? continuationKeyFallback : configured));
        });
        return services;
    }

    /// <summary>camelCase, enums as strings, Arabic as is (not \u-escaped), every member always written.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    /// <summary>Maps every endpoint under <see cref="ApiRoutes.Prefix"/>, as the Functions host serves them.</summary>
    public static RouteGroupBuilder MapDocumentApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiRoutes.Prefix);
        api.MapGet(ApiRoutes.Health, HealthApi.GetHealthAsync).WithName("Health").WithTags("Health").AllowAnonymous();

        var secured = api.MapGroup("").AddEndpointFilter<ApiKeyEndpointFilter>();
        secured.MapGet(ApiRoutes.Documents, DocumentsApi.ListDocumentsAsync)
            .WithName("ListDocuments").WithTags("Documents").WithSummary("List documents, newest first");
        secured.MapGet(ApiRoutes.Document, DocumentsApi.GetDocumentAsync)
            .WithName("GetDocument").WithTags("Documents").WithSummary("Get a document");
        secured.MapGet(ApiRoutes.DocumentContent, DocumentsApi.GetDocumentContentAsync)
            .WithName("GetDocumentContent").WithTags("Documents").WithSummary("Get the original bytes of a document");
        secured.MapGet(ApiRoutes.Search, SearchApi.SearchAsync)
            .WithName("Search").WithTags("Search").WithSummary("Search documents");
        return api;
    }
}
