using DocumentApi.Search.Analysis;

namespace DocumentApi.Search.Tests.Analysis;

/// <summary>One table per rule of the analysis chain, each rule run alone after the standard tokenizer.</summary>
public class AnalysisRuleTests
{
    [Theory]
    // Presentation forms and ligatures
    [InlineData("\uFE8D\uFEDF\uFEE4\uFEAA\uFEAD\uFEB3\uFE94", "المدرسة")]
    [InlineData("\uFE8D\uFEDF\uFEAE\uFEF4\uFE8E\uFEBF", "الرياض")]
    [InlineData("\uFEFB", "لا")]
    [InlineData("\uFEF7", "لأ")]
    [InlineData("\uFDF2", "الله")]
    // A letter and a following combining hamza or madda compose, so the mark is not lost later
    [InlineData("\u0627\u0653", "آ")]
    [InlineData("مسي\u0654ول", "مسئول")]
    // Full-width Latin
    [InlineData("ＡＢＣ", "ABC")]
    // Already normal
    [InlineData("مَدْرَسَة", "مَدْرَسَة")]
    [InlineData("ـــ", "ـــ")]
    [InlineData("Latin", "Latin")]
    [InlineData("2021", "2021")]
    [InlineData("", "")]
    public void CompatibilityNormalizationFoldsPresentationFormsAndComposesMarks(string input, string expected) =>
        Assert.Equal(expected, Tokens.Through(s => new CompatibilityNormalizationFilter(s), input));

    [Theory]
    [InlineData("مَدْرَسَةٌ", "مدرسة")]
    [InlineData("مُحَمَّدٌ", "محمد")]
    [InlineData("كِتَابًا", "كتابا")]
    // Superscript alef (U+0670)
    [InlineData("الرَّحْمَٰنِ", "الرحمن")]
    // Honorific sign (U+0610), wavy hamza below (U+065F), small low meem (U+06ED)
    [InlineData("محمد\u0610", "محمد")]
    [InlineData("كتاب\u065F", "كتاب")]
    [InlineData("كتاب\u06ED", "كتاب")]
    // Tatweel
    [InlineData("العربيـــة", "العربية")]
    [InlineData("مـدرسـة", "مدرسة")]
    // Alef wasla is a letter, not a mark: left for its own rule
    [InlineData("ٱلْحَمْدُ", "ٱلحمد")]
    // Edge rows: tatweel only and marks on tatweel leave an empty term (dropped later in the chain)
    [InlineData("ـــ", "")]
    [InlineData("ـًـٌ", "")]
    [InlineData("Hello", "Hello")]
    [InlineData("٢٠٢١", "٢٠٢١")]
    [InlineData("", "")]
    public void MarkRemovalDropsEveryArabicCombiningMarkAndTatweel(string input, string expected) =>
        Assert.Equal(expected, Tokens.Through(s => new ArabicMarkRemovalFilter(s), input));

    [Theory]
    [InlineData("٢٠٢١", "2021")]
    [InlineData("٠١٢٣٤٥٦٧٨٩", "0123456789")]
    [InlineData("۰۱۲۳۴۵۶۷۸۹", "0123456789")]
    [InlineData("۱۴۰۰", "1400")]
    [InlineData("عام ١٤٣٦هـ", "عام 1436هـ")]
    [InlineData("2015", "2015")]
    [InlineData("مدرسة", "مدرسة")]
    [InlineData("Latin", "Latin")]
    [InlineData("", "")]
    public void DigitFoldingTurnsArabicIndicAndPersianDigitsIntoAscii(string input, string expected) =>
        Assert.Equal(expected, Tokens.Through(s => new DigitFoldingFilter(s), input));

    [Theory]
    [InlineData("ٱلحمد", "الحمد")]
    [InlineData("ٱبن", "ابن")]
    [InlineData("ٱستقبل", "استقبل")]
    [InlineData("احمد", "احمد")]
    [InlineData("أحمد", "أحمد")]
    [InlineData("Latin", "Latin")]
    [InlineData("", "")]
    public void AlefWaslaFoldsToBareAlef(string input, string expected) =>
        Assert.Equal(expected, Tokens.Through(s => new AlefWaslaFoldingFilter(s), input));

    [Theory]
    [InlineData("مسؤول", "مسءول")]
    [InlineData("مسئول", "مسءول")]
    [InlineData("المسؤولين", "المسءولين")]
    [InlineData("سؤال", "سءال")]
    [InlineData("رئيس", "رءيس")]
    [InlineData("شيئ", "شيء")]
    [InlineData("شيء", "شيء")]
    // Hamza on alef belongs to the stock normaliser
    [InlineData("أحمد", "أحمد")]
    [InlineData("Latin", "Latin")]
    [InlineData("", "")]
    public void HamzaSeatsFoldToBareHamza(string input, string expected) =>
        Assert.Equal(expected, Tokens.Through(s => new HamzaSeatFoldingFilter(s), input));

    [Theory]
    [InlineData("ایران", "ايران")]
    [InlineData("کتاب", "كتاب")]
    [InlineData("یک", "يك")]
    [InlineData("كتاب", "كتاب")]
    [InlineData("Latin", "Latin")]
    [InlineData("", "")]
    public void PersianYehAndKehehFoldToArabicLetters(string input, string expected) =>
        Assert.Equal(expected, Tokens.Through(s => new PersianLetterFoldingFilter(s), input));

    [Theory]
    [InlineData("الكتاب", "كتاب")]
    [InlineData("والكتاب", "كتاب")]
    [InlineData("المعلمون", "معلم")]
    [InlineData("مدرسات", "مدرس")]
    [InlineData("بالمدرسة", "مدرس")]
    [InlineData("مستشفي", "مستشف")]
    [InlineData("مدرسه", "مدرس")]
    // The guard: the stock stemmer would leave two letters (ال, اف, دم)
    [InlineData("والي", "الي")]
    [InlineData("الاف", "الاف")]
    [InlineData("والدم", "والدم")]
    // Too short to stem
    [InlineData("الو", "الو")]
    [InlineData("من", "من")]
    [InlineData("ال", "ال")]
    [InlineData("books", "books")]
    [InlineData("2021", "2021")]
    [InlineData("", "")]
    public void StemmingNeverLeavesFewerThanThreeLetters(string input, string expected) =>
        Assert.Equal(expected, Tokens.Through(s => new MinimumLengthArabicStemFilter(s), input));

    [Theory]
    // Zero-width space and non-joiner inside a word
    [InlineData("مدر\u200Bسة", "مدرسة")]
    [InlineData("مدر\u200Cسة", "مدرسة")]
    [InlineData("مدر\u200Dسة", "مدرسة")]
    // Bidi marks, embeddings and isolates around a word
    [InlineData("\u200Fالرياض\u200E", "الرياض")]
    [InlineData("\u202Bالرياض\u202C", "الرياض")]
    [InlineData("\u2067مكة\u2069", "مكة")]
    [InlineData("\u061Cجدة", "جدة")]
    // Byte order mark, soft hyphen
    [InlineData("\uFEFFنص", "نص")]
    [InlineData("inter\u00ADnational", "international")]
    [InlineData("مدرسة", "مدرسة")]
    [InlineData("2021", "2021")]
    [InlineData("\u200B\u200F", "")]
    [InlineData("", "")]
    public void InvisibleControlsAreRemovedBeforeTokenizing(string input, string expected)
    {
        using var analyzer = Lucene.Net.Analysis.Analyzer.NewAnonymous(
            (_, reader) =>
            {
                var source = new Lucene.Net.Analysis.Standard.StandardTokenizer(Lucene.Net.Util.LuceneVersion.LUCENE_48, reader);
                return new Lucene.Net.Analysis.TokenStreamComponents(source);
            },
            initReader: (_, reader) => InvisibleCharacterFilter.Wrap(reader));
        Assert.Equal(expected, Tokens.Of(analyzer, input));
    }
}
