namespace DocumentApi.Core.Parsing;

/// <summary>
/// Removes what the news sites' templates add around an article, so it never reaches the text.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="ReadAlsoMarker"/> (a "read also" box inside the article): the marker line and the teaser
/// headlines right after it (at most <see cref="MaxReadAlsoTeasers"/>), up to the next blank line or the first
/// line that is not a headline. The article goes on after the box.</item>
/// <item><see cref="SeeAlsoMarker"/> (a related-posts widget): the marker line and, after it, blank lines, stray
/// numbers such as <c>1 1587347</c>, excerpts that end in an ellipsis, and short headlines that such a number or
/// excerpt follows. The first line of any other shape is body again.</item>
/// <item><see cref="LeaveCommentMarker"/> (the comment form): that line and everything after it.</item>
/// </list>
/// A marker matches a whole line after <see cref="ArabicFolding"/>, so hamza, yeh, tanween and punctuation variants
/// (<c>اقرأ ايضاً</c>, <c>إقرأ أيضا:</c>) all match. "Read also" and "see also" may instead lead a single teaser line
/// (<c>اقرأ أيضاً: عنوان</c>); that line alone is dropped.
/// </remarks>
internal static class BoilerplateRemover
{
    public const string ReadAlsoMarker = "اقرأ أيضاً";
    public const string SeeAlsoMarker = "شاهد أيضاً";
    public const string LeaveCommentMarker = "اترك تعليقاً";

    /// <summary>A teaser is a headline: at most this many characters, and not a sentence ending in a full stop.</summary>
    public const int MaxTeaserLength = 150;

    /// <summary>A "read also" box lists a few links; more lines than this are taken to be body.</summary>
    public const int MaxReadAlsoTeasers = 3;

    /// <summary>A marker line is short; longer lines are not folded at all, which keeps the check cheap.</summary>
    private const int MaxMarkerLineLength = 24;

    /// <summary>Where the colon of an inline teaser (<c>اقرأ أيضاً: ...</c>) may stand at the latest.</summary>
    private const int MaxInlineMarkerLength = 16;

    private static readonly string ReadAlso = ArabicFolding.Fold(ReadAlsoMarker);
    private static readonly string SeeAlso = ArabicFolding.Fold(SeeAlsoMarker);
    private static readonly string LeaveComment = ArabicFolding.Fold(LeaveCommentMarker);

    internal enum Marker
    {
        None,
        ReadAlso,
        SeeAlso,
        LeaveComment,
        InlineTeaser,
    }

    public static List<string> Remove(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var kept = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            switch (Classify(lines[i]))
            {
                case Marker.LeaveComment:
                    return kept;
                case Marker.ReadAlso:
                    i = SkipReadAlsoTeasers(lines, i + 1) - 1;
                    break;
                case Marker.SeeAlso:
                    i = SkipSeeAlsoWidget(lines, i + 1) - 1;
                    break;
                case Marker.InlineTeaser:
                    break;
                default:
                    kept.Add(lines[i]);
                    break;
            }
        }

        return kept;
    }

    public static Marker Classify(string line)
    {
        ArgumentNullException.ThrowIfNull(line);

        // Every marker starts with alef (in some spelling) or sheen; anything else is body, without folding.
        if (line.Length == 0 || !IsPossibleMarkerStart(ArabicFolding.FoldLetter(line[0])))
        {
            return Marker.None;
        }

        if (line.Length <= MaxMarkerLineLength)
        {
            var folded = ArabicFolding.Fold(line);
            if (folded == ReadAlso)
            {
                return Marker.ReadAlso;
            }

            if (folded == SeeAlso)
            {
                return Marker.SeeAlso;
            }

            if (folded == LeaveComment)
            {
                return Marker.LeaveComment;
            }
        }

        var colon = line.AsSpan(0, Math.Min(line.Length, MaxInlineMarkerLength)).IndexOf(':');
        if (colon > 0 && line.Length <= MaxInlineMarkerLength + MaxTeaserLength)
        {
            var folded = ArabicFolding.Fold(line.AsSpan(0, colon));
            if (folded == ReadAlso || folded == SeeAlso)
            {
                return Marker.InlineTeaser;
            }
        }

        return Marker.None;
    }

    private static bool IsPossibleMarkerStart(char folded) => folded is ArabicLetters.Alef or ArabicLetters.Sheen;

    private static int SkipReadAlsoTeasers(IReadOnlyList<string> lines, int start)
    {
        var i = start;
        while (i < lines.Count && lines[i].Length == 0)
        {
            i++;
        }

        var teasers = 0;
        while (i < lines.Count && teasers < MaxReadAlsoTeasers && IsTeaserHeadline(lines[i]))
        {
            i++;
            teasers++;
        }

        return i;
    }

    private static int SkipSeeAlsoWidget(IReadOnlyList<string> lines, int start)
    {
        var i = start;
        while (i < lines.Count)
        {
            var line = lines[i];
            var isWidgetLine = line.Length == 0
                || LineShapes.IsStrayNumber(line)
                || IsExcerpt(line)
                || (IsTeaserHeadline(line) && IsFollowedByWidgetLine(lines, i + 1));
            if (!isWidgetLine)
            {
                break;
            }

            i++;
        }

        return i;
    }

    /// <summary>Whether the next non-blank line is a number, an excerpt, another marker, or there is none.</summary>
    private static bool IsFollowedByWidgetLine(IReadOnlyList<string> lines, int start)
    {
        for (var i = start; i < lines.Count; i++)
        {
            if (lines[i].Length > 0)
            {
                return LineShapes.IsStrayNumber(lines[i]) || IsExcerpt(lines[i]) || Classify(lines[i]) != Marker.None;
            }
        }

        return true;
    }

    private static bool IsTeaserHeadline(string line) =>
        line.Length is > 0 and <= MaxTeaserLength && !LineShapes.EndsWithFullStop(line) && LineShapes.HasLetter(line);

    /// <summary>A teaser excerpt: the opening of another article, cut off with an ellipsis.</summary>
    private static bool IsExcerpt(string line) =>
        line.EndsWith(LineShapes.HorizontalEllipsis) || line.EndsWith("...", StringComparison.Ordinal);
}
