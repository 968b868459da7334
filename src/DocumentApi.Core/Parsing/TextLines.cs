using System.Text;

namespace DocumentApi.Core.Parsing;

/// <summary>
/// Splits clean text into lines and tidies each one: every kind of space (no-break space included) becomes a plain
/// space, runs of spaces become one, and the line is trimmed. A blank line becomes the empty string, so rules can
/// test <c>line.Length == 0</c>.
/// </summary>
internal static class TextLines
{
    public static List<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        var builder = new StringBuilder();
        foreach (var range in text.AsSpan().Split('\n'))
        {
            lines.Add(Tidy(text.AsSpan()[range], builder));
        }

        return lines;
    }

    /// <summary>Collapses and trims the spaces of one line, or makes one tidy line of a field such as a title or author.</summary>
    public static string Tidy(ReadOnlySpan<char> line) => Tidy(line, new StringBuilder(line.Length));

    private static string Tidy(ReadOnlySpan<char> line, StringBuilder builder)
    {
        line = TrimSpaces(line);
        if (line.IsEmpty)
        {
            return "";
        }

        if (IsTidy(line))
        {
            return line.ToString();
        }

        builder.Clear();
        var pendingSpace = false;
        foreach (var c in line)
        {
            if (IsSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Space separators (no-break space and the typographic spaces) and any other white space; line breaks count
    /// too, so a one-line field such as a JSON title with a stray newline is tidied to one line.
    /// </summary>
    public static bool IsSpace(char c) => c == ' ' || (c > '\u007F' && char.IsWhiteSpace(c)) || c is >= '\t' and <= '\r';

    /// <summary>
    /// At either end of a line, invisible characters go too: zero-width space, word joiner and the left-to-right and
    /// right-to-left marks mean nothing there. Inside a line they are left alone.
    /// </summary>
    private static bool IsTrimmable(char c) => IsSpace(c) || c is '\u200B' or '\u200E' or '\u200F' or '\u2060';

    private static ReadOnlySpan<char> TrimSpaces(ReadOnlySpan<char> line)
    {
        var start = 0;
        while (start < line.Length && IsTrimmable(line[start]))
        {
            start++;
        }

        var end = line.Length;
        while (end > start && IsTrimmable(line[end - 1]))
        {
            end--;
        }

        return line[start..end];
    }

    private static bool IsTidy(ReadOnlySpan<char> line)
    {
        var previousWasSpace = false;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                if (previousWasSpace)
                {
                    return false;
                }

                previousWasSpace = true;
            }
            else if (IsSpace(c))
            {
                return false;
            }
            else
            {
                previousWasSpace = false;
            }
        }

        return true;
    }
}
