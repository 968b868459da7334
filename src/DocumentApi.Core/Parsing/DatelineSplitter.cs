using System.Buffers;

namespace DocumentApi.Core.Parsing;

/// <summary>
/// Splits a leading dateline (<c>إيران تلكس - </c>, <c>الرياض – </c>) off the first line of the body.
/// </summary>
/// <remarks>
/// Two shapes are recognised, both on the first non-blank line only, and never on a question or a numbered heading:
/// <list type="bullet">
/// <item>a line that is only a byline: at most <see cref="MaxBylineWords"/> words around a spaced dash, not ending a
/// sentence, with more body after it (<c>سلوى سعد – متابعات</c>): the whole line is the dateline;</item>
/// <item>a line that opens with at most <see cref="MaxDatelineWords"/> words (<see cref="MaxDatelineLength"/>
/// characters, no sentence punctuation) and a spaced dash: those words are the dateline and the rest stays body.</item>
/// </list>
/// The dash may be a hyphen, an en or em dash, or a tatweel used as one; it must have a space on each side, so
/// hyphenated words such as <c>WTDC-25</c> are never split.
/// </remarks>
internal static class DatelineSplitter
{
    public const int MaxDatelineWords = 4;
    public const int MaxDatelineLength = 40;
    public const int MaxBylineWords = 6;
    public const int MaxBylineLength = 50;

    /// <summary>A dateline is a place or an agency, never part of a sentence or a quotation.</summary>
    private static readonly SearchValues<char> SentencePunctuation =
        SearchValues.Create(['.', ',', ':', ';', '!', '?', '"', '\u00AB', ArabicLetters.Comma, ArabicLetters.Semicolon, ArabicLetters.QuestionMark]);

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
        var separator = FindSeparator(line);
        if (separator < 0)
        {
            return null;
        }

        if (IsBylineOnly(line))
        {
            // A byline with nothing after it is all the body there is: it stays body.
            if (lines.FindIndex(first + 1, l => l.Length > 0) < 0)
            {
                return null;
            }

            lines.RemoveAt(first);
            return line;
        }

        var prefix = line.AsSpan(0, separator);
        var rest = line.AsSpan(separator + 3);
        if (separator > MaxDatelineLength
            || LineShapes.CountWords(prefix) > MaxDatelineWords
            || !LineShapes.HasLetter(prefix)
            || prefix.ContainsAny(SentencePunctuation)
            || !LineShapes.HasLetter(rest))
        {
            return null;
        }

        lines[first] = rest.ToString();
        return prefix.ToString();
    }

    private static bool IsBylineOnly(string line) =>
        line.Length <= MaxBylineLength && LineShapes.CountWords(line) <= MaxBylineWords && !LineShapes.EndsSentence(line);

    /// <summary>Index of the space before the first spaced dash, or -1.</summary>
    private static int FindSeparator(string line)
    {
        var limit = Math.Min(line.Length - 2, Math.Max(MaxDatelineLength, MaxBylineLength) + 1);
        for (var i = 1; i < limit; i++)
        {
            if (line[i] == ' ' && IsDash(line[i + 1]) && line[i + 2] == ' ')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsDash(char c) => c is '-' or '\u2013' or '\u2014' or ArabicLetters.Tatweel;
}
