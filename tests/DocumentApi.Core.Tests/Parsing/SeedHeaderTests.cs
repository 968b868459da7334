using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class SeedHeaderTests
{
    [Theory]
    [InlineData("20210613 1623614769 51060", "51060", "2021-06-13T20:06:09+00:00")] // seed 000: agrees
    [InlineData("20210614 1623614769 51060", "51060", "2021-06-13T20:06:09+00:00")] // a day after the UTC date: a zone east of UTC
    [InlineData("20210612 1623614769 51060", "51060", "2021-06-13T20:06:09+00:00")] // a day before: a zone west of UTC
    [InlineData("20210616 1623614769 51060", "51060", "2021-06-16T00:00:00+00:00")] // disagrees: the date wins, at midnight UTC
    [InlineData("20210613 1623614769000 51060", "51060", "2021-06-13T00:00:00+00:00")] // milliseconds by mistake: the date wins
    [InlineData("20211399 1623614769 51060", "51060", "2021-06-13T20:06:09+00:00")] // no such date: the unix time is all there is
    [InlineData("20211399 999999999999 x", "x", null)] // neither is a valid value
    public void HeaderGivesTheSourceIdAndAPublicationTime(string line, string sourceId, string? publishedAt)
    {
        Assert.True(SeedHeader.TryParse(line, out var header));
        Assert.Equal(sourceId, header.SourceId);
        Assert.Equal(publishedAt is null ? null : DateTimeOffset.Parse(publishedAt, System.Globalization.CultureInfo.InvariantCulture), header.PublishedAt);
        Assert.Equal(TimeSpan.Zero, header.PublishedAt?.Offset ?? TimeSpan.Zero);
    }

    [Theory]
    [InlineData("وزير الاتصالات الإيراني: طهران ترحب بجهود قطر")]
    [InlineData("20210613 1623614769")] // two fields
    [InlineData("20210613 1623614769 51060 extra")] // four fields
    [InlineData("2021-06-13 1623614769 51060")] // not eight digits
    [InlineData("20210613 16236147x9 51060")]
    [InlineData("٢٠٢١٠٦١٣ 1623614769 51060")] // Arabic-Indic digits are body text, not a machine header
    [InlineData("")]
    public void AnythingElseIsNotAHeader(string line) => Assert.False(SeedHeader.TryParse(line, out _));
}
