namespace DocumentApi.Core.Parsing;

/// <summary>
/// What a tidy line looks like: the tests the seed format's structure rules are built from. Each is a pure function
/// of one line, so each can be tested on its own.
/// </summary>
internal static class LineShapes
{
    /// <summary>Marks an interview question in the seed format (U+25C4 BLACK LEFT-POINTING POINTER).</summary>
    public const char QuestionMarker = '\u25C4';

    public const char HorizontalEllipsis = '\u2026';

    /// <summary>A plain heading has at most this many words ...</summary>
    public const int MaxHeadingWords = 7;

    /// <summary>... and at most this many characters.</summary>
    public const int MaxHeadingLength = 60;

    /// <summary>A numbered heading such as <c>1- المرونة الرقمية: ...</c> may be longer, up to this many characters.</summary>
    public const int MaxNumberedHeadingLength = 100;

    /// <summary>
    /// True when the line ends a sentence: its last character, after closing quotes and brackets, is a full stop,
    /// an ellipsis, or a question or exclamation mark (Latin or Arabic). Commas, colons and semicolons do not end one.
    /// </summary>
    public static bool EndsSentence(ReadOnlySpan<char> line) => LastMeaningfulChar(line) is
        '.' or '!' or '?' or ArabicLetters.QuestionMark or HorizontalEllipsis;

    /// <summary>True when the line ends with a full stop or ellipsis (what a headline or a title does not do).</summary>
    public static bool EndsWithFullStop(ReadOnlySpan<char> line) => LastMeaningfulChar(line) is '.' or HorizontalEllipsis;

    public static bool IsQuestion(ReadOnlySpan<char> line) => !line.IsEmpty && line[0] == QuestionMarker;

    /// <summary>The question without its marker and the spaces after it.</summary>
    public static string StripQuestionMarker(string line) => IsQuestion(line) ? TextLines.Tidy(line.AsSpan(1)) : line;

    /// <summary>
    /// A plain heading: a few words (at most <see cref="MaxHeadingWords"/>, <see cref="MaxHeadingLength"/>
    /// characters) with at least one letter and no punctuation at the end, e.g. <c>الاقتصاد الرقمي</c>; not an
    /// e-mail or web address.
    /// Whether it stands where a heading can stand is the body builder's question.
    /// </summary>
    public static bool IsHeading(ReadOnlySpan<char> line) =>
        line.Length is > 0 and <= MaxHeadingLength
        && !IsQuestion(line)
        && !EndsWithPunctuation(line)
        && HasLetter(line)
        && CountWords(line) <= MaxHeadingWords
        && !IsAddress(line);

    /// <summary>An e-mail or web address (a columnist's contact line), which is text, never a heading.</summary>
    public static bool IsAddress(ReadOnlySpan<char> line) =>
        line.Contains('@') || line.Contains("://", StringComparison.Ordinal) || line.Contains("www.", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A numbered heading: one or two digits (Latin or Arabic-Indic), then <c>-</c>, <c>.</c> or <c>)</c>, then a
    /// title of at most <see cref="MaxNumberedHeadingLength"/> characters that does not end a sentence,
    /// e.g. <c>1- المرونة الرقمية: تحويل الأزمة الى رأسمال استراتيجي</c>.
    /// </summary>
    public static bool IsNumberedHeading(ReadOnlySpan<char> line)
    {
        if (line.Length > MaxNumberedHeadingLength || EndsWithPunctuation(line))
        {
            return false;
        }

        var digits = 0;
        while (digits < line.Length && char.IsDigit(line[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 2)
        {
            return false;
        }

        var rest = line[digits..].TrimStart(' ');
        if (rest.IsEmpty || rest[0] is not ('-' or '\u2013' or '.' or ')'))
        {
            return false;
        }

        return HasLetter(rest[1..]);
    }

    /// <summary>A line of digits and punctuation only, such as the <c>1 1587347</c> a related-posts widget leaves.</summary>
    public static bool IsStrayNumber(ReadOnlySpan<char> line)
    {
        var hasDigit = false;
        foreach (var c in line)
        {
            if (char.IsLetter(c))
            {
                return false;
            }

            hasDigit |= char.IsDigit(c);
        }

        return hasDigit;
    }

    public static bool HasLetter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    public static int CountWords(ReadOnlySpan<char> text) => WordCounter.Count(text);

    private static bool EndsWithPunctuation(ReadOnlySpan<char> line) => LastMeaningfulChar(line) is
        '.' or '!' or '?' or ':' or ';' or ',' or ArabicLetters.QuestionMark or ArabicLetters.Comma
        or ArabicLetters.Semicolon or HorizontalEllipsis;

    /// <summary>The last character that is not a closing quote or bracket (or a space); '\0' when there is none.</summary>
    private static char LastMeaningfulChar(ReadOnlySpan<char> line)
    {
        for (var i = line.Length - 1; i >= 0; i--)
        {
            var c = line[i];
            if (c is ' ' or '"' or '\'' or ')' or ']' or '\u00BB' or '\u2019' or '\u201D' or '\u203A')
            {
                continue;
            }

            return c;
        }

        return '\0';
    }
}
