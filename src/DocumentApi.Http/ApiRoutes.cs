namespace DocumentApi.Http;

/// <summary>
/// Route templates shared by both hosts. The Functions host prefixes them with its default route prefix
/// <c>api</c>; the server maps them under <see cref="Prefix"/>, so both serve the same paths.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "/api";
    public const string Health = "health";
    public const string Documents = "documents";
    public const string Document = "documents/{id}";
    public const string DocumentContent = "documents/{id}/content";
    public const string Search = "search";
}
