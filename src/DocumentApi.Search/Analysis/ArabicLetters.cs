namespace DocumentApi.Search.Analysis;

/// <summary>The letters, marks and invisible characters the analysis rules name, so no rule holds a bare literal.</summary>
internal static class ArabicLetters
{
    public const char Hamza = '\u0621';
    public const char WawHamzaAbove = '\u0624';
    public const char YehHamzaAbove = '\u0626';
    public const char Alef = '\u0627';
    public const char Kaf = '\u0643';
    public const char Yeh = '\u064A';
    public const char AlefWasla = '\u0671';
    public const char Keheh = '\u06A9';
    public const char FarsiYeh = '\u06CC';
    public const char Tatweel = '\u0640';

    public const char ArabicIndicDigitZero = '\u0660';
    public const char ArabicIndicDigitNine = '\u0669';
    public const char ExtendedArabicIndicDigitZero = '\u06F0';
    public const char ExtendedArabicIndicDigitNine = '\u06F9';

    // Combining marks, as ranges of the Arabic block: Quranic honorifics and small high letters, the harakat with
    // their extensions (fathatan to the wavy hamza below), superscript alef, and the Quranic annotation signs.
    public const char HonorificSignFirst = '\u0610';
    public const char SmallKasraLast = '\u061A';
    public const char FathatanFirst = '\u064B';
    public const char WavyHamzaBelowLast = '\u065F';
    public const char SuperscriptAlef = '\u0670';
    public const char SmallHighLigatureFirst = '\u06D6';
    public const char SmallLowMeemLast = '\u06ED';

    // Characters that change how text is displayed or joined, never which letters it holds.
    public const char SoftHyphen = '\u00AD';
    public const char ArabicLetterMark = '\u061C';
    public const char ZeroWidthSpace = '\u200B';
    public const char ZeroWidthNonJoiner = '\u200C';
    public const char ZeroWidthJoiner = '\u200D';
    public const char LeftToRightMark = '\u200E';
    public const char RightToLeftMark = '\u200F';
    public const char LeftToRightEmbedding = '\u202A';
    public const char RightToLeftOverride = '\u202E';
    public const char WordJoiner = '\u2060';
    public const char LeftToRightIsolate = '\u2066';
    public const char PopDirectionalIsolate = '\u2069';
    public const char ZeroWidthNoBreakSpace = '\uFEFF';

    public static bool IsArabicCombiningMark(char c) =>
        c is (>= HonorificSignFirst and <= SmallKasraLast)
            or (>= FathatanFirst and <= WavyHamzaBelowLast)
            or SuperscriptAlef
            or (>= SmallHighLigatureFirst and <= SmallLowMeemLast);

    public static bool IsInvisibleControl(char c) =>
        c is SoftHyphen or ArabicLetterMark or WordJoiner or ZeroWidthNoBreakSpace
            or (>= ZeroWidthSpace and <= RightToLeftMark)
            or (>= LeftToRightEmbedding and <= RightToLeftOverride)
            or (>= LeftToRightIsolate and <= PopDirectionalIsolate);
}
