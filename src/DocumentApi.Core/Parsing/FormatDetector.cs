namespace DocumentApi.Core.Parsing;

/// <summary>
/// Decides whether decoded text is JSON: its first non-white-space character is <c>{</c> or <c>[</c>, or the blob
/// says it is JSON by its content type (<c>application/json</c>, <c>text/json</c>, <c>*+json</c>) or its
/// <c>.json</c> extension. Declared JSON that does not parse fails as invalid JSON rather than being read as text:
/// the declaration is a promise, and breaking it is worth reporting.
/// </summary>
internal static class FormatDetector
{
    public const string JsonExtension = ".json";

    /// <param name="firstSignificantChar">The text's first character that is not white space; null when there is none.</param>
    /// <param name="blobName">The blob's name.</param>
    /// <param name="contentType">The declared content type, if any.</param>
    public static bool IsJson(char? firstSignificantChar, string blobName, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        return firstSignificantChar is '{' or '['

            || blobName.EndsWith(JsonExtension, StringComparison.OrdinalIgnoreCase)
            || IsJsonContentType(contentType);
    }

    public static bool IsJsonContentType(string? contentType)
    {
        var mediaType = MediaType(contentType);
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when a declared content type says something: not missing, not blank and not the
    /// <c>application/octet-stream</c> that storage clients send when they do not know.
    /// </summary>
    public static bool IsSpecific(string? contentType)
    {
        var mediaType = MediaType(contentType);
        return !mediaType.IsEmpty && !mediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase);
    }

    private static ReadOnlySpan<char> MediaType(string? contentType)
    {
        var span = contentType.AsSpan();
        var semicolon = span.IndexOf(';');
        return (semicolon >= 0 ? span[..semicolon] : span).Trim();
    }
}
