using System.Collections.Immutable;
using DocumentApi.Core.Documents;

namespace DocumentApi.Core.Parsing;

/// <summary>What a format parser read from one article, before the blob's facts and the derived fields are added.</summary>
internal sealed record ParsedArticle
{
    public string? Title { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? Source { get; init; }
    public string? SourceId { get; init; }
    public string? Url { get; init; }
    public string? Author { get; init; }
    public string? Dateline { get; init; }
    public string? Caption { get; init; }
    public ImmutableArray<Section> Sections { get; init; } = [];

    /// <summary>
    /// The shared body pipeline of both formats, run on lines <see cref="BoilerplateRemover"/> has already cleared
    /// (it runs first so a teaser or comment form can never be taken for a title, dateline or heading): the dateline
    /// off the first line, then paragraphs and sections.
    /// </summary>
    public static (ImmutableArray<Section> Sections, string? Dateline) ParseBody(List<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var dateline = DatelineSplitter.Split(lines);
        return (BodyBuilder.Build(lines), dateline);
    }
}
