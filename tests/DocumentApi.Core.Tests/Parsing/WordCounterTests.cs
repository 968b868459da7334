using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class WordCounterTests
{
    [Theory]
    [InlineData("وزير الاتصالات الإيراني", 3)]
    [InlineData("إيران تلكس - يُعد المؤتمر", 4)] // a lone dash is not a word
    [InlineData("لعام 2025 (WTDC-25)،", 3)] // numbers and hyphenated acronyms are one word each
    [InlineData("أن نوفر ل ـ14 مليون طالب", 6)]
    [InlineData("قطر،الدوحة", 1)] // no space after the comma: one run
    [InlineData("  قطر \n\n الدوحة  ", 2)]
    [InlineData("◄ … «» ؟", 0)] // punctuation only
    [InlineData("مُحَمَّد", 1)] // diacritics stay inside the word
    [InlineData("", 0)]
    public void WordsAreSpaceSeparatedRunsWithALetterOrDigit(string text, int expected) =>
        Assert.Equal(expected, WordCounter.Count(text));
}
