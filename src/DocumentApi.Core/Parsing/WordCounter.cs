namespace DocumentApi.Core.Parsing;

/// <summary>
/// Counts words the way a reader would: runs of non-space characters that hold at least one letter or digit.
/// A lone dash or question marker is not a word; <c>WTDC-25</c>, <c>2025</c> and <c>لـ14</c> are one word each.
/// </summary>
internal static class WordCounter
{
    public static int Count(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        var wordHasLetterOrDigit = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inWord && wordHasLetterOrDigit)
                {
                    words++;
                }

                inWord = false;
                wordHasLetterOrDigit = false;
                continue;
            }

            inWord = true;
            wordHasLetterOrDigit = wordHasLetterOrDigit || char.IsLetterOrDigit(c);
        }

        return inWord && wordHasLetterOrDigit ? words + 1 : words;
    }
}
