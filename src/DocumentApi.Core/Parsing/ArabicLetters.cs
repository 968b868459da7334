namespace DocumentApi.Core.Parsing;

/// <summary>
/// The Arabic letters and marks the parser's and the search analysis' rules name, defined once. Never write these as
/// bare literals.
/// </summary>
public static class ArabicLetters
{
    public const char Hamza = '\u0621';
    public const char AlefMaddaAbove = '\u0622';
    public const char AlefHamzaAbove = '\u0623';
    public const char WawHamzaAbove = '\u0624';
    public const char AlefHamzaBelow = '\u0625';
    public const char YehHamzaAbove = '\u0626';
    public const char Alef = '\u0627';
    public const char TehMarbuta = '\u0629';
    public const char Sheen = '\u0634';
    public const char Tatweel = '\u0640';
    public const char Kaf = '\u0643';
    public const char Heh = '\u0647';
    public const char Waw = '\u0648';
    public const char AlefMaksura = '\u0649';
    public const char Yeh = '\u064A';
    public const char AlefWasla = '\u0671';
    public const char Keheh = '\u06A9';
    public const char FarsiYeh = '\u06CC';

    /// <summary>First of the harakat and tanween (fathatan) ...</summary>
    public const char Fathatan = '\u064B';

    /// <summary>... through the last combining mark of the basic Arabic block (wavy hamza below).</summary>
    public const char WavyHamzaBelow = '\u065F';

    public const char SuperscriptAlef = '\u0670';

    public const char Comma = '\u060C';
    public const char Semicolon = '\u061B';
    public const char QuestionMark = '\u061F';

    /// <summary>True for harakat, tanween and the other combining marks that do not change which word is written.</summary>
    public static bool IsDiacritic(char c) => c is >= Fathatan and <= WavyHamzaBelow or SuperscriptAlef;

    /// <summary>
    /// True for letters of the Arabic script (Arabic, Arabic Supplement, Extended-A and the presentation forms).
    /// Tatweel is not a letter: it only stretches the one before it.
    /// </summary>
    public static bool IsArabicScriptLetter(char c) =>
        c is (>= '\u0620' and < Tatweel) or (> Tatweel and <= Yeh) or (>= '\u066E' and <= '\u06D3') or '\u06D5' or (>= '\u06EE' and <= '\u06FF')
            or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08C9')
            or (>= '\uFB50' and <= '\uFDFB') or (>= '\uFE70' and <= '\uFEFC');
}
