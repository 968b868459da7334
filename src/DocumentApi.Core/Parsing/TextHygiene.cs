using System.Buffers;
using System.Text;

namespace DocumentApi.Core.Parsing;

/// <summary>
/// Makes decoded text safe and canonical before any rule looks at it.
/// </summary>
/// <remarks>
/// Rules: CRLF and lone CR become LF, as does U+2028 (line separator), and U+2029 (paragraph separator) becomes a
/// blank line; tab becomes a space; NUL, the other C0 and C1 control characters, DEL and
/// stray byte-order marks (U+FEFF) are removed; the result is in Unicode normalisation form C, so that the same
/// word always has the same code points (an alef followed by a combining hamza becomes one alef-with-hamza).
/// Line breaks are kept: they carry the structure the line rules read.
/// </remarks>
internal static class TextHygiene
{
    private const char LineSeparator = '\u2028';
    private const char ParagraphSeparator = '\u2029';

    private static readonly SearchValues<char> NeedsCleaning = SearchValues.Create(BuildNeedsCleaning());

    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = text.AsSpan().ContainsAny(NeedsCleaning) ? Rewrite(text) : text;

        // Checking first is much cheaper than normalising: most text is already NFC, and most Arabic text can be
        // seen to be NFC without a call into ICU at all.
        return IsCertainlyNfc(cleaned) || cleaned.IsNormalized(NormalizationForm.FormC)
            ? cleaned
            : cleaned.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// A quick, conservative NFC check for the characters of Arabic and English news text: true only when every
    /// character is one that NFC never changes and no two combining marks stand together (NFC would reorder them by
    /// combining class). Anything else answers false, and the caller asks ICU.
    /// </summary>
    /// <remarks>
    /// NFC-stable here: everything below U+0300 (ASCII, Latin-1, Latin Extended-A/B); the Arabic block except the
    /// combining madda and hamza above and below (U+0653–U+0655), which NFC composes with the letter before them;
    /// general punctuation from U+2002 (en and em quad, U+2000–U+2001, have canonical decompositions); Arabic
    /// presentation forms A and B, which have only compatibility decompositions; and the replacement character.
    /// </remarks>
    internal static bool IsCertainlyNfc(ReadOnlySpan<char> text)
    {
        var start = text.IndexOfAnyExceptInRange('\0', '\u02FF');
        if (start < 0)
        {
            return true;
        }

        var previousWasMark = false;
        foreach (var c in text[start..])
        {
            var isMark = IsArabicCombiningMark(c);
            var isStable = c < '\u0300'
                || (c is >= '\u0600' and <= '\u06FF' && c is not (>= '\u0653' and <= '\u0655'))
                || c is (>= '\u2002' and <= '\u206F') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFC') or '\uFFFD';
            if (!isStable || (isMark && previousWasMark))
            {
                return false;
            }

            previousWasMark = isMark;
        }

        return true;
    }

    private static bool IsArabicCombiningMark(char c) =>
        ArabicLetters.IsDiacritic(c) || c is (>= '\u0610' and <= '\u061A') or (>= '\u06D6' and <= '\u06ED');

    private static string Rewrite(string text)
    {
        var builder = new StringBuilder(text.Length);
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            var next = span.IndexOfAny(NeedsCleaning);
            if (next < 0)
            {
                builder.Append(span);
                break;
            }

            builder.Append(span[..next]);
            var c = span[next];
            span = span[(next + 1)..];
            switch (c)
            {
                case '\r':
                    builder.Append('\n');
                    if (!span.IsEmpty && span[0] == '\n')
                    {
                        span = span[1..];
                    }

                    break;
                case '\t':
                    builder.Append(' ');
                    break;
                case LineSeparator:
                    builder.Append('\n');
                    break;
                case ParagraphSeparator:
                    builder.Append("\n\n");
                    break;
                default:
                    // Any other control character or a stray byte-order mark: dropped.
                    break;
            }
        }

        return builder.ToString();
    }

    private static string BuildNeedsCleaning()
    {
        var chars = new StringBuilder();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c != '\n')
            {
                chars.Append(c);
            }
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            chars.Append(c);
        }

        chars.Append('\uFEFF').Append(LineSeparator).Append(ParagraphSeparator);
        return chars.ToString();
    }
}
