namespace DocumentApi.Search.Analysis;

/// <summary>The letters, marks and invisible characters the analysis rules name, so no rule holds a bare literal.</summary>
internal static class ArabicLetters
{
    // Letters come from Core's list, so parser and analysis cannot disagree on a code point.
    public const char Hamza = Core.Parsing.ArabicLetters.Hamza;
    public const char WawHamzaAbove = Core.Parsing.ArabicLetters.WawHamzaAbove;
    public const char YehHamzaAbove = Core.Parsing.ArabicLetters.YehHamzaAbove;
    public const char Alef = Core.Parsing.ArabicLetters.Alef;
    public const char Kaf = Core.Parsing.ArabicLetters.Kaf;
    public const char Yeh = Core.Parsing.ArabicLetters.Yeh;
    public const char AlefWasla = Core.Parsing.ArabicLetters.AlefWasla;
    public const char Keheh = Core.Parsing.ArabicLetters.Keheh;
    public const char FarsiYeh = Core.Parsing.ArabicLetters.FarsiYeh;
    public const char Tatweel = Core.Parsing.ArabicLetters.Tatweel;

    public const char ArabicIndicDigitZero = '\u0660';
    public const char ArabicIndicDigitNine = '\u0669';
    public const char ExtendedArabicIndicDigitZero = '\u06F0';
    public const char ExtendedArabicIndicDigitNine = '\u06F9';

    // Combining marks, as ranges of the Arabic block: Quranic honorifics and small high letters, the harakat with
    // their extensions (fathatan to the wavy hamza below), superscript alef, and the Quranic annotation signs.
    public const char HonorificSignFirst = '\u0610';
    public const char SmallKasraLast = '\u061A';
    public const char FathatanFirst = Core.Parsing.ArabicLetters.Fathatan;
    public const char WavyHamzaBelowLast = Core.Parsing.ArabicLetters.WavyHamzaBelow;
    public const char SuperscriptAlef = Core.Parsing.ArabicLetters.SuperscriptAlef;
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
