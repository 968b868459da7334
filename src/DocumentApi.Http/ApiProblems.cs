using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocumentApi.Http;

/// <summary>
/// Every error the API returns, as RFC 9457 problem details. Details are written for the client and never carry
/// exception or storage text.
/// </summary>
public static class ApiProblems
{
    // Non-resolvable type URIs use the tag: scheme, as RFC 9457 section 3.1.1 suggests; README.md lists them.
    private const string TypeBase = "tag:documentapi,2026:problem:";

    public static ProblemHttpResult InvalidParameter(string parameter, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid parameter",
            type: TypeBase + "invalid-parameter",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static ProblemHttpResult DocumentNotFound(string id) =>
        TypedResults.Problem(
            detail: $"No document has the id '{id}'.",
            statusCode: StatusCodes.Status404NotFound,
            title: "Document not found",
            type: TypeBase + "document-not-found");

    public static ProblemHttpResult ContentNotFound(string id) =>
        TypedResults.Problem(
            detail: $"The original blob of document '{id}' no longer exists.",
            statusCode: StatusCodes.Status404NotFound,
            title: "Content not found",
            type: TypeBase + "document-not-found");

    public static ProblemHttpResult MissingApiKey() =>
        TypedResults.Problem(
            detail: "Pass the API key in the x-functions-key header or the code query parameter.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API key required",
            type: TypeBase + "api-key-required");

    public static ProblemHttpResult StorageUnavailable() =>
        TypedResults.Problem(
            detail: "Document storage did not answer. Try again shortly.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Storage unavailable",
            type: TypeBase + "storage-unavailable");
}
