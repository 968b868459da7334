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

    [Theory]
    [InlineData("Doha and Tehran", true)]
    [InlineData("وزير الاتصالات الإيراني: طهران ترحب “بجهود” قطر…", true)]
    [InlineData("كَتَبَ", true)] // one mark after each letter
    [InlineData("ﻭﺯﻳﺮ", true)] // presentation forms
    [InlineData("\u0627\u0654", false)] // combining hamza: NFC composes it
    [InlineData("\u0645\u0651\u064E", false)] // shadda then fatha: NFC reorders them
    [InlineData("مُحَمَّد", false)] // the same inside a word: marks side by side go to ICU
    [InlineData("Cafe\u0301", false)] // a Latin combining accent
    [InlineData("\u2000", false)] // en quad has a canonical decomposition
    [InlineData("한국어", false)] // outside the known-stable ranges: ICU decides
    public void QuickNfcCheckIsSureOnlyWhereNfcChangesNothing(string text, bool expected)
    {
        Assert.Equal(expected, TextHygiene.IsCertainlyNfc(text));
        if (expected)
        {
            Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormC));
        }
    }

    [Fact]
    public void QuickNfcCheckNeverDisagreesWithIcuOnTheSamples()
    {
        var texts = new[] { RepoFiles.Seed(RepoFiles.Seed000), RepoFiles.Seed(RepoFiles.Seed003), File.ReadAllBytes(RepoFiles.SamplePath(RepoFiles.SaudiNewsNetSample)) }
            .SelectMany(bytes => System.Text.Encoding.UTF8.GetString(bytes).Split('\n'));

        Assert.All(texts, line => Assert.True(!TextHygiene.IsCertainlyNfc(line) || line.IsNormalized(System.Text.NormalizationForm.FormC), line));
        Assert.Contains(texts, line => TextHygiene.IsCertainlyNfc(line) && line.Any(c => c > '\u0600'));
    }
}
