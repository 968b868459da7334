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
    /// The shared body pipeline of both formats: boilerplate out, dateline off the first line, then paragraphs and
    /// sections. The order matters: boilerplate goes first so a teaser can never be taken for a dateline or heading.
    /// </summary>
    public static (ImmutableArray<Section> Sections, string? Dateline) ParseBody(IReadOnlyList<string> lines)
    {
        var body = BoilerplateRemover.Remove(lines);
        var dateline = DatelineSplitter.Split(body);
        return (BodyBuilder.Build(body), dateline);
    }
}
