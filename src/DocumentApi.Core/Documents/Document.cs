using System.Collections.Immutable;

namespace DocumentApi.Core.Documents;

/// <summary>Whether a document could be parsed. A failed document keeps its blob metadata and a reason.</summary>
public enum DocumentStatus
{
    Indexed,
    Failed,
}

/// <summary>A paragraph of body text; interview questions (marked ◄ in the source) are flagged.</summary>
public sealed record Paragraph(string Text, bool IsQuestion = false);

/// <summary>A run of paragraphs under an optional heading. The first section usually has no heading.</summary>
public sealed record Section(string? Heading, ImmutableArray<Paragraph> Paragraphs);

/// <summary>
/// One article parsed from a blob. A blob yields one document, or one per element when it holds a JSON array.
/// Everything here is derived from the blob's bytes and name alone, so parsing the same blob twice gives the same
/// content (compare serialised forms: <see cref="Sections"/> is an immutable array, compared by reference).
/// </summary>
public sealed record Document
{
    /// <summary>Deterministic id from the blob name (and <see cref="ElementIndex"/>), see <see cref="DocumentId"/>.</summary>
    public required string Id { get; init; }

    public required string BlobName { get; init; }

    /// <summary>Position of the article in a JSON array blob; null for a blob that holds one article.</summary>
    public int? ElementIndex { get; init; }

    public DocumentStatus Status { get; init; } = DocumentStatus.Indexed;

    /// <summary>Why the blob could not be parsed; null when <see cref="Status"/> is <see cref="DocumentStatus.Indexed"/>.</summary>
    public string? FailureReason { get; init; }

    public string? Title { get; init; }

    /// <summary>True when the source had no title and the first sentence of the body stands in for it.</summary>
    public bool TitleIsDerived { get; init; }

    /// <summary>The first paragraph of the body.</summary>
    public string? Lead { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The publisher, e.g. <c>aawsat</c> for SaudiNewsNet; null when the format does not say.</summary>
    public string? Source { get; init; }

    /// <summary>The publisher's own id for the article (the third field of the seed format's header line).</summary>
    public string? SourceId { get; init; }

    public string? Url { get; init; }

    public string? Author { get; init; }

    /// <summary>A leading dateline such as <c>إيران تلكس</c>, split out of the first paragraph.</summary>
    public string? Dateline { get; init; }

    /// <summary>An image caption, kept once.</summary>
    public string? Caption { get; init; }

    /// <summary>ISO 639-1 code from the script of the letters: <c>ar</c>, <c>en</c>, or <c>und</c>.</summary>
    public string Language { get; init; } = DocumentLanguage.Undetermined;

    public ImmutableArray<Section> Sections { get; init; } = [];

    /// <summary>The clean body: <see cref="ComposeText"/> of <see cref="Sections"/>.</summary>
    public string Text { get; init; } = "";

    public int WordCount { get; init; }

    /// <summary>Lower-case hex SHA-256 of the blob's bytes.</summary>
    public required string ContentHash { get; init; }

    public required string ContentType { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>
    /// The body as one string: each section's heading (if any) and its paragraphs, separated by blank lines.
    /// Text is a pure function of the sections so storage can keep one and derive the other.
    /// </summary>
    public static string ComposeText(IEnumerable<Section> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var blocks = new List<string>();
        foreach (var section in sections)
        {
            if (!string.IsNullOrEmpty(section.Heading))
            {
                blocks.Add(section.Heading);
            }

            foreach (var paragraph in section.Paragraphs)
            {
                blocks.Add(paragraph.Text);
            }
        }

        return string.Join("\n\n", blocks);
    }
}

public static class DocumentLanguage
{
    public const string Arabic = "ar";
    public const string English = "en";
    public const string Undetermined = "und";
}
