namespace DocumentApi.Core.Parsing;

/// <summary>
/// Derives a title for a document that has none: the first sentence of its first paragraph, cut at a word boundary
/// to at most <see cref="MaxLength"/> characters.
/// </summary>
/// <remarks>
/// A sentence ends at a full stop, ellipsis, question or exclamation mark followed by a space (so <c>1.5</c> and
/// <c>بأكملها.وقد</c> do not end one), except after a one-letter word (<c>د. عزام</c>: an abbreviation).
/// The cut title loses trailing commas, colons, dashes and full stops, which read as broken at the end of a title;
/// question and exclamation marks stay. No ellipsis is added: <c>titleIsDerived</c> already tells a client.
/// </remarks>
internal static class TitleDeriver
{
    public const int MaxLength = 120;

    public static string Derive(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var sentence = FirstSentence(paragraph.AsSpan().Trim());
        if (sentence.Length > MaxLength)
        {
            var cut = sentence[..(MaxLength + 1)].LastIndexOf(' ');
            sentence = cut > 0 ? sentence[..cut] : sentence[..CutInsideWord(sentence)];
        }

        return sentence.TrimEnd(" .,:;-\u2013\u2014\u060C\u061B").ToString();
    }

    internal static ReadOnlySpan<char> FirstSentence(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '!' or '?' or ArabicLetters.QuestionMark or LineShapes.HorizontalEllipsis
                && text[i + 1] == ' '
                && !(text[i] == '.' && FollowsOneLetterWord(text, i)))
            {
                return text[..(i + 1)];
            }
        }

        return text;
    }

    private static bool FollowsOneLetterWord(ReadOnlySpan<char> text, int dot) =>
        dot >= 1 && char.IsLetter(text[dot - 1]) && (dot == 1 || text[dot - 2] == ' ');

    /// <summary>A single word longer than the limit is cut inside it, never between a surrogate pair.</summary>
    private static int CutInsideWord(ReadOnlySpan<char> sentence) =>
        char.IsHighSurrogate(sentence[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
}
