using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class TextHygieneTests
{
    [Theory]
    [InlineData("سطر\r\nسطر", "سطر\nسطر")] // CRLF
    [InlineData("سطر\rسطر", "سطر\nسطر")] // lone CR
    [InlineData("سطر\r\n\r\nسطر", "سطر\n\nسطر")] // a blank line stays blank
    [InlineData("قطر\tالدوحة", "قطر الدوحة")] // tab
    [InlineData("قط\0ر", "قطر")] // NUL
    [InlineData("قطر\u0007\u001B\u007F\u0085", "قطر")] // bell, escape, DEL, C1 next-line
    [InlineData("\uFEFFقطر\uFEFF", "قطر")] // byte-order marks
    [InlineData("قطر\u2028الدوحة", "قطر\nالدوحة")] // line separator
    [InlineData("قطر\u2029الدوحة", "قطر\n\nالدوحة")] // paragraph separator
    [InlineData("\u0627\u0654حمد", "\u0623حمد")] // alef + combining hamza above is composed to alef with hamza above (NFC)
    [InlineData("Cafe\u0301", "Caf\u00E9")] // Latin is composed too
    [InlineData("", "")]
    [InlineData("الدوحة\u00A0وطهران", "الدوحة\u00A0وطهران")] // no-break space is the line tidier's business, not hygiene's
    public void CleanStripsControlsUnifiesLineBreaksAndComposes(string input, string expected) =>
        Assert.Equal(expected, TextHygiene.Clean(input));

    [Fact]
    public void CleanReturnsTheSameInstanceWhenNothingChanges()
    {
        const string text = "وزير الاتصالات الإيراني\nطهران ترحب بجهود قطر";
        Assert.Same(text, TextHygiene.Clean(text));
    }
}
