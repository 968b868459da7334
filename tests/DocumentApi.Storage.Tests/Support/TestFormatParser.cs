using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using DocumentApi.Core.Documents;

namespace DocumentApi.Storage.Tests.Support;

/// <summary>
/// A small, fixed input format for storage tests, so they do not depend on the real parser's rules (another
/// engineer's area): a JSON object or array of <c>{title, source, publishedAt, text}</c>; paragraphs of
/// <c>text</c> are separated by blank lines. Anything else is a failed document with a reason, as the real parser's
/// contract says.
/// </summary>
internal static class TestFormatParser
{
    public static ImmutableArray<Document> Parse(string blobName, ReadOnlyMemory<byte> content, string? contentType)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var type = contentType ?? "application/json";
        try
        {
            using var json = JsonDocument.Parse(content);
            return json.RootElement.ValueKind == JsonValueKind.Array
                ? [.. json.RootElement.EnumerateArray().Select((e, i) => Article(e, DocumentId.For(blobName, i), i))]
                : [Article(json.RootElement, DocumentId.For(blobName), null)];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return [new Document
            {
                Id = DocumentId.For(blobName),
                BlobName = blobName,
                Status = DocumentStatus.Failed,
                FailureReason = "Not valid JSON: " + ex.Message,
                ContentHash = hash,
                ContentType = type,
                SizeBytes = content.Length,
            }];
        }

        Document Article(JsonElement element, string id, int? index)
        {
            var text = element.GetProperty("text").GetString() ?? "";
            var sections = ImmutableArray.Create(new Section(null, [.. text.Split("\n\n").Select(p => new Paragraph(p))]));
            return new Document
            {
                Id = id,
                BlobName = blobName,
                ElementIndex = index,
                Title = element.TryGetProperty("title", out var title) ? title.GetString() : null,
                Source = element.TryGetProperty("source", out var source) ? source.GetString() : null,
                PublishedAt = element.TryGetProperty("publishedAt", out var published) ? published.GetDateTimeOffset() : null,
                Language = DocumentLanguage.Arabic,
                Sections = sections,
                Text = Document.ComposeText(sections),
                WordCount = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length,
                ContentHash = hash,
                ContentType = type,
                SizeBytes = content.Length,
            };
        }
    }

    /// <summary>Serialises articles in the format <see cref="Parse"/> reads.</summary>
    public static string Json(params Article[] articles) =>
        articles.Length == 1 ? JsonSerializer.Serialize(articles[0], Options) : JsonSerializer.Serialize(articles, Options);

    public static string JsonArray(params Article[] articles) => JsonSerializer.Serialize(articles, Options);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Arabic as UTF-8, as real feeds send it, not \uXXXX escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}

internal sealed record Article(string Text, string? Title = null, string? Source = null, DateTimeOffset? PublishedAt = null);
