using System.Buffers;

namespace DocumentApi.Core.Parsing;

/// <summary>
/// Splits a leading dateline (<c>إيران تلكس - </c>, <c>الرياض – </c>) off the first line of the body.
/// </summary>
/// <remarks>
/// Two shapes are recognised, both on the first non-blank line only, and never on a question or a numbered heading:
/// <list type="bullet">
/// <item>a line that is only a byline, with more body after it: one spaced dash with one to
/// <see cref="MaxBylineSideWords"/> words on each side and <see cref="MaxBylineWords"/> in all, no quotes or stars,
/// not a sentence (<c>سلوى سعد – متابعات</c>, <c>حائل - بشير الرشيدي:</c>). The whole line is the dateline, without
/// a trailing colon;</item>
/// <item>a line that opens with at most <see cref="MaxDatelineWords"/> words (a place, an agency: no sentence
/// punctuation) and a spaced dash: those words are the dateline and the rest stays body. When the dash is followed by
/// a place and a colon (<c>سبق - الرياض: ...</c>, the usual Saudi newspaper form) they belong to the dateline too.</item>
/// </list>
/// The dash may be a hyphen, an en or em dash, or a tatweel used as one; it must have a space on each side, so
/// hyphenated words such as <c>WTDC-25</c> are never split. Checked on 31,000 SaudiNewsNet articles, the limits are
/// tight on purpose: an opening clause is far more often a sentence with an aside in dashes (<c>تمكنت - بفضل الله -
/// عشر فرق</c>) or a compound name (<c>اتفاقية سايكس - بيكو</c>) than a dateline, so a second dash soon after the
/// first, or more than two words before it, leaves the line alone. A missed dateline stays readable body text; a
/// false one would cut words out of it.
/// </remarks>
internal static class DatelineSplitter
{
    public const int MaxDatelineWords = 2;
    public const int MaxDatelineLength = 30;
    public const int MaxBylineSideWords = 3;
    public const int MaxBylineWords = 4;
    public const int MaxBylineLength = 50;

    /// <summary>A place after the dash and before a colon (<c>سبق - الرياض:</c>) is at most this long.</summary>
    public const int MaxPlaceLength = 25;

    /// <summary>A second spaced dash this close after the first means the first opened an aside.</summary>
    public const int AsideWindow = 60;

    private const int SeparatorLength = 3;

    /// <summary>A dateline is a place or an agency, never part of a sentence or a quotation.</summary>
    private static readonly SearchValues<char> SentencePunctuation =
        SearchValues.Create(['.', ',', ':', ';', '!', '?', '"', '*', '\u00AB', '\u00BB', '\u201C', '\u201D', ArabicLetters.Comma, ArabicLetters.Semicolon, ArabicLetters.QuestionMark]);

    /// <summary>A byline is names and places: a quotation or a list marker means a headline or a note.</summary>
    private static readonly SearchValues<char> QuotesAndStars = SearchValues.Create(['"', '*', '\u00AB', '\u00BB', '\u201C', '\u201D']);

    /// <summary>Removes the dateline from <paramref name="lines"/> and returns it, or returns null.</summary>
    public static string? Split(List<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var first = lines.FindIndex(line => line.Length > 0);
        if (first < 0 || LineShapes.IsQuestion(lines[first]) || LineShapes.IsNumberedHeading(lines[first]))
        {
            return null;
        }

        var line = lines[first];
        var separator = FindSeparator(line, 0);
        if (separator < 0)
        {
            return null;
        }

        if (IsBylineOnly(line, separator))
        {
            // A byline with nothing after it is all the body there is: it stays body.
            if (lines.FindIndex(first + 1, l => l.Length > 0) < 0)
            {
                return null;
            }

            lines.RemoveAt(first);
            return line.TrimEnd(':', ' ');
        }

        var prefix = line.AsSpan(0, separator);
        var rest = After(line, separator);
        var nextSeparator = FindSeparator(line, separator + SeparatorLength);
        if (separator > MaxDatelineLength
            || LineShapes.CountWords(prefix) > MaxDatelineWords
            || !LineShapes.HasLetter(prefix)
            || prefix.ContainsAny(SentencePunctuation)
            || !LineShapes.HasLetter(rest)
            || (nextSeparator >= 0 && nextSeparator - separator <= AsideWindow))
        {
            return null;
        }

        // "سبق - الرياض: ..." : a place and a colon right after the dash belong to the dateline too.
        var colon = rest.IndexOf(':');
        if (colon > 0 && colon <= MaxPlaceLength)
        {
            var place = rest[..colon];
            if (LineShapes.CountWords(place) <= MaxDatelineWords && LineShapes.HasLetter(place)
                && !place.ContainsAny(SentencePunctuation) && LineShapes.HasLetter(rest[(colon + 1)..]))
            {
                lines[first] = rest[(colon + 1)..].Trim(' ').ToString();
                return line.AsSpan(0, line.Length - rest.Length + colon).TrimEnd(' ').ToString();
            }
        }

        lines[first] = rest.ToString();
        return prefix.ToString();
    }

    private static bool IsBylineOnly(string line, int separator)
    {
        if (line.Length > MaxBylineLength || LineShapes.EndsSentence(line) || FindSeparator(line, separator + SeparatorLength) >= 0)
        {
            return false;
        }

        var left = line.AsSpan(0, separator);
        var right = After(line, separator).TrimEnd(':');
        var leftWords = LineShapes.CountWords(left);
        var rightWords = LineShapes.CountWords(right);
        return leftWords is > 0 and <= MaxBylineSideWords
            && rightWords is > 0 and <= MaxBylineSideWords
            && leftWords + rightWords <= MaxBylineWords
            && LineShapes.HasLetter(left) && LineShapes.HasLetter(right)
            && !line.AsSpan().ContainsAny(QuotesAndStars);
    }

    /// <summary>Index of the space before the first spaced dash at or after <paramref name="start"/>, or -1.</summary>
    private static int FindSeparator(string line, int start)
    {
        for (var i = Math.Max(start, 1); i + 2 < line.Length; i++)
        {
            if (line[i] == ' ' && IsDash(line[i + 1]) && line[i + 2] == ' ')
            {
                return i;
            }
        }

        // A dash that ends the line still counts ("رحمه الله -").
        if (line.Length >= Math.Max(start, 1) + 2 && line[^2] == ' ' && IsDash(line[^1]))
        {
            return line.Length - 2;
        }

        return -1;
    }

    /// <summary>What follows the separator; empty when the dash ends the line.</summary>
    private static ReadOnlySpan<char> After(string line, int separator) =>
        line.AsSpan(Math.Min(line.Length, separator + SeparatorLength));

    private static bool IsDash(char c) => c is '-' or '\u2013' or '\u2014' or ArabicLetters.Tatweel;
}
