using System.Text;

namespace DocumentApi.Core.Parsing;

/// <summary>
/// Folds a short line to a key for comparing it with a fixed phrase (the boilerplate markers), so small spelling
/// variants match: <c>اقرأ أيضاً</c>, <c>اقرا ايضا</c> and <c>إقرأ أيضًا:</c> all fold to <c>اقرا ايضا</c>.
/// </summary>
/// <remarks>
/// Rules, in order: harakat, tanween and tatweel are removed; alef with hamza above or below, alef madda and alef
/// wasla become bare alef; alef maksura, yeh with hamza and Farsi yeh become yeh; waw with hamza becomes waw; teh
/// marbuta becomes heh; punctuation and symbols are dropped; runs of white space become one space, trimmed.
/// This is for matching only: the folded key is never shown or stored.
/// </remarks>
internal static class ArabicFolding
{
    public static string Fold(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (ArabicLetters.IsDiacritic(c) || c == ArabicLetters.Tatweel)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (char.IsPunctuation(c) || char.IsSymbol(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(FoldLetter(c));
        }

        return builder.ToString();
    }

    public static char FoldLetter(char c) => c switch
    {
        ArabicLetters.AlefHamzaAbove or ArabicLetters.AlefHamzaBelow or ArabicLetters.AlefMaddaAbove
            or ArabicLetters.AlefWasla => ArabicLetters.Alef,
        ArabicLetters.AlefMaksura or ArabicLetters.YehHamzaAbove or ArabicLetters.FarsiYeh => ArabicLetters.Yeh,
        ArabicLetters.WawHamzaAbove => ArabicLetters.Waw,
        ArabicLetters.TehMarbuta => ArabicLetters.Heh,
        _ => c,
    };
}
