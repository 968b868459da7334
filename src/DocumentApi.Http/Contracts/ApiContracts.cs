using DocumentApi.Core.Documents;
using DocumentApi.Core.Ports;

namespace DocumentApi.Http.Contracts;

// The wire contract. Dates are DateTime in UTC so they serialise as ISO 8601 with a 'Z'; every field is always
// present (null when unknown), so clients never have to test for missing members.

public sealed record DocumentListItem(
    string Id,
    string BlobName,
    string Status,
    string? Title,
    bool TitleIsDerived,
    DateTime? PublishedAt,
    string? Source,
    string Language,
    int WordCount,
    long SizeBytes,
    string ContentType,
    DateTime IngestedAt)
{
    public static DocumentListItem From(DocumentSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(
            summary.Id,
            summary.BlobName,
            StatusName(summary.Status),
            summary.Title,
            summary.TitleIsDerived,
            summary.PublishedAt?.UtcDateTime,
            summary.Source,
            summary.Language,
            summary.WordCount,
            summary.SizeBytes,
            summary.ContentType,
            summary.IngestedAt.UtcDateTime);
    }

    internal static string StatusName(DocumentStatus status) => status switch
    {
        DocumentStatus.Failed => "failed",
        _ => "indexed",
    };
}

public sealed record DocumentListResponse(IReadOnlyList<DocumentListItem> Items, string? ContinuationToken);

public sealed record ParagraphResponse(string Text, bool IsQuestion);

public sealed record SectionResponse(string? Heading, IReadOnlyList<ParagraphResponse> Paragraphs);

public sealed record DocumentResponse(
    string Id,
    string BlobName,
    string Status,
    string? FailureReason,
    string? Title,
    bool TitleIsDerived,
    DateTime? PublishedAt,
    string? Source,
    string? SourceId,
    string? Url,
    string Language,
    int WordCount,
    long SizeBytes,
    string ContentType,
    DateTime IngestedAt,
    string? Lead,
    string? Author,
    string? Dateline,
    string? Caption,
    IReadOnlyList<SectionResponse> Sections,
    string Text,
    string ContentHash)
{
    public static DocumentResponse From(CatalogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var d = entry.Document;
        return new(
            d.Id,
            d.BlobName,
            DocumentListItem.StatusName(d.Status),
            d.FailureReason,
            d.Title,
            d.TitleIsDerived,
            d.PublishedAt?.UtcDateTime,
            d.Source,
            d.SourceId,
            d.Url,
            d.Language,
            d.WordCount,
            d.SizeBytes,
            d.ContentType,
            entry.IngestedAt.UtcDateTime,
            d.Lead,
            d.Author,
            d.Dateline,
            d.Caption,
            [.. d.Sections.Select(s => new SectionResponse(s.Heading, [.. s.Paragraphs.Select(p => new ParagraphResponse(p.Text, p.IsQuestion))]))],
            d.Text,
            d.ContentHash);
    }
}

public sealed record SearchItem(
    string Id,
    string? Title,
    DateTime? PublishedAt,
    string? Source,
    double Score,
    IReadOnlyList<string> Snippets);

public sealed record SearchResponse(string Query, int Total, string MatchMode, IReadOnlyList<SearchItem> Items)
{
    public static SearchResponse From(SearchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new(
            results.Query,
            results.Total,
            results.MatchMode == Core.Ports.MatchMode.Any ? "any" : "all",
            [.. results.Items.Select(h => new SearchItem(h.Id, h.Title, h.PublishedAt?.UtcDateTime, h.Source, h.Score, h.Snippets))]);
    }
}

public sealed record HealthResponse(string Status, StorageHealth Storage, IndexHealth Index);

public sealed record StorageHealth(bool Reachable);

public sealed record IndexHealth(int Documents, DateTime? LastSyncedAt);
