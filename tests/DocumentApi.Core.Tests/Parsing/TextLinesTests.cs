using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class TextLinesTests
{
    [Theory]
    [InlineData("وقال سعادته في حوار مع\u00A0“الشرق”\u00A0إن هناك", "وقال سعادته في حوار مع “الشرق” إن هناك")] // NBSP between words
    [InlineData("\u00A0زيارتنا لدولة قطر", "زيارتنا لدولة قطر")] // leading NBSP (seed 000 line 10)
    [InlineData("في المنطقة.\u00A0 وأوضح", "في المنطقة. وأوضح")] // NBSP + space collapse to one
    [InlineData("  قطر    الدوحة  ", "قطر الدوحة")]
    [InlineData("قطر\u2003\u202Fالدوحة", "قطر الدوحة")] // em space, narrow no-break space
    [InlineData("\u200Bقطر\u200B", "قطر")] // zero-width space at the ends
    [InlineData("قطر\u200Cالدوحة", "قطر\u200Cالدوحة")] // zero-width non-joiner inside a line is kept
    [InlineData("\u00A0 \u00A0", "")]
    [InlineData("", "")]
    public void TidyCollapsesEverySpaceAndTrims(string line, string expected) => Assert.Equal(expected, TextLines.Tidy(line));

    [Fact]
    public void SplitKeepsBlankLinesAsEmptyStrings() =>
        Assert.Equal(["العنوان", "", "الفقرة الأولى.", ""], TextLines.Split("العنوان\n \u00A0\nالفقرة الأولى.\n"));
}
