using System.Globalization;
using System.Net;
using System.Text.Json;

namespace DocumentApi.Core.Parsing;

/// <summary>One article of a JSON blob, or why that element is not one. <see cref="Index"/> is null for a lone object.</summary>
internal sealed record JsonArticle(int? Index, ParsedArticle? Article, string? FailureReason);

/// <summary>
/// Parses SaudiNewsNet JSON: one article object, or an array of them. Fields: <c>source</c>, <c>url</c>,
/// <c>date_extracted</c> (local Saudi time, UTC+3, converted to UTC), <c>title</c> (empty means none), <c>author</c>
/// (empty means none), <c>content</c> (the body, read with the same rules as seed text: see
/// <see cref="ParsedArticle.ParseBody"/>).
/// </summary>
/// <remarks>
/// Every string field is HTML-decoded first (the corpus's scraper left entities such as <c>&amp;nbsp;</c> in
/// bylines), then cleaned like any text. A trailing colon of a byline (<c>الجزيرة - وسيلة الحلبي:</c>) is dropped.
/// An array element that is not an object, or has no <c>content</c> string, becomes a failure for that element
/// only; the other elements still parse.
/// </remarks>
internal static class SaudiNewsNetParser
{
    public const string SourceProperty = "source";
    public const string UrlProperty = "url";
    public const string DateExtractedProperty = "date_extracted";
    public const string TitleProperty = "title";
    public const string AuthorProperty = "author";
    public const string ContentProperty = "content";

    public const string DateExtractedFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Saudi Arabia keeps UTC+3 all year (no daylight saving).</summary>
    public static readonly TimeSpan SaudiOffset = TimeSpan.FromHours(3);

    public static IReadOnlyList<JsonArticle> Parse(ReadOnlyMemory<byte> utf8, int maxDepth)
    {
        if (JsonGuard.Check(utf8.Span, maxDepth) is { } problem)
        {
            return [new JsonArticle(null, null, problem)];
        }

        using var json = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = Math.Max(maxDepth, 0) + 1 });
        var root = json.RootElement;
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                return [ReadArticle(root, null)];
            case JsonValueKind.Array:
                var articles = new List<JsonArticle>(root.GetArrayLength());
                var index = 0;
                foreach (var element in root.EnumerateArray())
                {
                    articles.Add(ReadArticle(element, index++));
                }

                return articles.Count > 0 ? articles : [new JsonArticle(null, null, "The JSON array holds no articles.")];
            default:
                return [new JsonArticle(null, null, $"The JSON is neither an article object nor an array of articles: it is {Describe(root.ValueKind)}.")];
        }
    }

    private static JsonArticle ReadArticle(JsonElement element, int? index)
    {
        var what = index is { } i ? string.Create(CultureInfo.InvariantCulture, $"The array element at index {i}") : "The JSON object";
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new JsonArticle(index, null, $"{what} is {Describe(element.ValueKind)}, not an article object.");
        }

        if (!element.TryGetProperty(ContentProperty, out var content) || content.ValueKind != JsonValueKind.String)
        {
            return new JsonArticle(index, null, $"{what} is not an article: it has no \"{ContentProperty}\" text.");
        }

        var lines = BoilerplateRemover.Remove(TextLines.Split(Clean(content.GetString()!)));
        var (sections, dateline) = ParsedArticle.ParseBody(lines);
        var article = new ParsedArticle
        {
            Source = OneLine(element, SourceProperty),
            Url = OneLine(element, UrlProperty),
            PublishedAt = ParseDateExtracted(OneLine(element, DateExtractedProperty)),
            Title = OneLine(element, TitleProperty),
            Author = OneLine(element, AuthorProperty)?.TrimEnd(':', ' ') is { Length: > 0 } author ? author : null,
            Dateline = dateline,
            Sections = sections,
        };
        return new JsonArticle(index, article, null);
    }

    /// <summary>A string property as one tidy line; null when it is missing, not a string, or blank.</summary>
    private static string? OneLine(JsonElement article, string property)
    {
        if (!article.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var line = TextLines.Tidy(Clean(value.GetString()!));
        return line.Length > 0 ? line : null;
    }

    private static string Clean(string value) =>
        TextHygiene.Clean(value.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(value) : value);

    internal static DateTimeOffset? ParseDateExtracted(string? text) =>
        DateTime.TryParseExact(text, DateExtractedFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)

            // Guard: the first three hours of year 1 have no UTC equivalent.
            && local.Ticks >= SaudiOffset.Ticks
                ? new DateTimeOffset(local, SaudiOffset).ToUniversalTime()
                : null;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}
