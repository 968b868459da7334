using DocumentApi.Search.Analysis;

namespace DocumentApi.Search.Tests.Analysis;

public class ArabicSearchAnalyzerTests
{
    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إحمد", "احمد")]
    [InlineData("آحمد", "احمد")]
    [InlineData("مدرسة", "مدرسه")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("مَدْرَسَةٌ", "مدرسة")]
    [InlineData("مدرســـة", "مدرسة")]
    [InlineData("٢٠٢١", "2021")]
    [InlineData("۲۰۲۱", "2021")]
    [InlineData("مسؤول", "مسئول")]
    [InlineData("المسؤولين", "المسئولين")]
    [InlineData("\uFE8D\uFEDF\uFEE4\uFEAA\uFEAD\uFEB3\uFE94", "المدرسة")]
    [InlineData("ٱلحمد", "الحمد")]
    [InlineData("کتاب", "كتاب")]
    [InlineData("ایران", "إيران")]
    [InlineData("مدر\u200Cسة", "مدرسة")]
    [InlineData("\u200Fأحمد\u200F", "احمد")]
    [InlineData("UNESCO", "unesco")]
    public void SpellingVariantsGiveTheSameTerms(string variant, string canonical)
    {
        var expected = Tokens.Of(canonical);
        Assert.NotEqual("", expected);
        Assert.Equal(expected, Tokens.Of(variant));
    }

    [Theory]
    [InlineData("في المدرسة", "مدرس")]
    [InlineData("ذهب أحمد إلى المستشفى", "ذهب احمد مستشف")]
    [InlineData("مسؤول في الحكومة", "مسءول حكوم")]
    [InlineData("عام ٢٠١٥", "عام 2015")]
    [InlineData("والي المدينة", "الي مدين")]
    [InlineData("آلاف", "الاف")]
    [InlineData("Hello World", "hello world")]
    // Edge rows
    [InlineData("", "")]
    [InlineData("ًٌٍَُِّْ", "")]
    [InlineData("ـــ", "")]
    [InlineData("، ؛ ؟ !", "")]
    public void AnalysisRunsTheWholeChain(string input, string expected) =>
        Assert.Equal(expected, Tokens.Of(input));

    [Theory]
    // In Lucene's list in one spelling only; stopped in every spelling because the list is normalised too
    [InlineData("إلى")]
    [InlineData("الى")]
    [InlineData("إلي")]
    [InlineData("الذى")]
    [InlineData("الذي")]
    [InlineData("هى")]
    [InlineData("هي")]
    [InlineData("الـذي")]
    public void StopWordsAreRemovedAfterNormalisation(string word) =>
        Assert.Equal("", Tokens.Of(word));

    [Theory]
    // على normalises to علي, the name Ali: kept, so the name stays findable
    [InlineData("على", "علي")]
    [InlineData("عَلَى", "علي")]
    [InlineData("علي", "علي")]
    public void ThePrepositionThatNormalisesToANameIsNotAStopWord(string word, string expected) =>
        Assert.Equal(expected, Tokens.Of(word));

    [Fact]
    public void EveryStopWordIsStoredInNormalisedForm()
    {
        Assert.NotEmpty(ArabicSearchAnalyzer.StopWords);
        foreach (var word in ArabicSearchAnalyzer.StopWords)
        {
            var text = word.ToString() ?? "";
            Assert.DoesNotContain('\u0623', text);
            Assert.DoesNotContain('\u0625', text);
            Assert.DoesNotContain('\u0649', text);
            Assert.DoesNotContain('\u0629', text);
        }
    }
}
