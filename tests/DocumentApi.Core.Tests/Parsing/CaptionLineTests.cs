using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class CaptionLineTests
{
    [Theory]
    [InlineData(
        "Iranian Minister Mohammad-Javad Azari-Jahromi. PIC. ABDUL BASIT *** Local Caption *** Iranian Minister Mohammad-Javad Azari-Jahromi. PIC. ABDUL BASIT",
        "Iranian Minister Mohammad-Javad Azari-Jahromi. PIC. ABDUL BASIT")] // repeated: kept once
    [InlineData("Doha skyline ***Local Caption*** Doha skyline", "Doha skyline")] // no spaces around the marker
    [InlineData("Doha skyline *** local caption *** ", "Doha skyline")] // empty second half
    [InlineData("*** Local Caption *** Doha skyline", "Doha skyline")] // empty first half
    [InlineData("Doha skyline *** Local Caption *** أفق الدوحة", "Doha skyline أفق الدوحة")] // different halves: both kept
    public void CaptionIsKeptOnce(string line, string expected)
    {
        Assert.True(CaptionLine.TryParse(line, out var caption));
        Assert.Equal(expected, caption);
    }

    [Theory]
    [InlineData("The local caption was missing.")] // no stars
    [InlineData("*** Local Caption ***")] // nothing on either side
    [InlineData("وزير الاتصالات الإيراني")]
    public void LinesWithoutAStarredMarkerAndTextAreNotCaptions(string line) => Assert.False(CaptionLine.TryParse(line, out _));
}
