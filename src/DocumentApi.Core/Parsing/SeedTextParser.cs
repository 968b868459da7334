namespace DocumentApi.Core.Parsing;

/// <summary>
/// Parses the plain-text seed format: an optional header line (<see cref="SeedHeader"/>), an optional image caption
/// line (<see cref="CaptionLine"/>), an optional title line, then the body (<see cref="ParsedArticle.ParseBody"/>).
/// Site boilerplate (<see cref="BoilerplateRemover"/>) is removed from everything after the caption.
/// </summary>
/// <remarks>
/// The first non-blank line after the header and caption is the title when it stands alone (a blank line follows
/// it and more text comes after), is at most <see cref="MaxTitleLength"/> characters, does not end with a full stop
/// and is not a question. Otherwise there is no title line: it is body, and the document's title is derived later.
/// </remarks>
internal static class SeedTextParser
{
    public const int MaxTitleLength = 200;

    public static ParsedArticle Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = TextLines.Split(text);
        var next = SkipBlank(lines, 0);

        SeedHeader? header = null;
        if (next < lines.Count && SeedHeader.TryParse(lines[next], out var parsedHeader))
        {
            header = parsedHeader;
            next = SkipBlank(lines, next + 1);
        }

        string? caption = null;
        if (next < lines.Count && CaptionLine.TryParse(lines[next], out var parsedCaption))
        {
            caption = parsedCaption;
            next = SkipBlank(lines, next + 1);
        }

        // Boilerplate goes before the title is looked for: a comment form alone must not become a title.
        var rest = BoilerplateRemover.Remove(lines.GetRange(next, lines.Count - next));
        next = SkipBlank(rest, 0);
        string? title = null;
        if (next < rest.Count && IsTitleLine(rest, next))
        {
            title = rest[next];
            next = SkipBlank(rest, next + 1);
        }

        var (sections, dateline) = ParsedArticle.ParseBody(rest.GetRange(next, rest.Count - next));
        return new ParsedArticle
        {
            Title = title,
            PublishedAt = header?.PublishedAt,
            SourceId = header?.SourceId,
            Caption = caption,
            Dateline = dateline,
            Sections = sections,
        };
    }

    private static bool IsTitleLine(List<string> lines, int index)
    {
        var line = lines[index];
        return line.Length <= MaxTitleLength
            && !LineShapes.EndsWithFullStop(line)
            && !LineShapes.IsQuestion(line)
            && index + 1 < lines.Count && lines[index + 1].Length == 0
            && SkipBlank(lines, index + 1) < lines.Count;
    }

    private static int SkipBlank(List<string> lines, int index)
    {
        while (index < lines.Count && lines[index].Length == 0)
        {
            index++;
        }

        return index;
    }
}
