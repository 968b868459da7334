using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class FormatDetectorTests
{
    [Theory]
    [InlineData('{', "2015-07-21.txt", null, true)] // sniffed
    [InlineData('[', "blob", "text/plain", true)] // sniffed, whatever the declaration
    [InlineData('و', "2015-07-21.json", null, true)] // named
    [InlineData('و', "2015-07-21.JSON", null, true)]
    [InlineData('و', "blob", "application/json; charset=utf-8", true)] // declared
    [InlineData('و', "blob", "text/json", true)]
    [InlineData('و', "blob", "application/vnd.news+json", true)]
    [InlineData('و', "000_75f81477a1daff0d.txt", "text/plain", false)]
    [InlineData('و', "json.txt", "application/jsonl", false)]
    [InlineData(null, "blob", null, false)]
    public void JsonIsTheFirstCharacterTheNameOrTheContentType(char? first, string blobName, string? contentType, bool expected) =>
        Assert.Equal(expected, FormatDetector.IsJson(first, blobName, contentType));

    [Theory]
    [InlineData("text/plain", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("application/octet-stream", false)]
    [InlineData(" APPLICATION/OCTET-STREAM ; x=y", false)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData(null, false)]
    public void ContentTypeIsSpecificUnlessMissingBlankOrOctetStream(string? contentType, bool expected) =>
        Assert.Equal(expected, FormatDetector.IsSpecific(contentType));
}
