using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DocumentApi.Http.Tests;

public sealed class QueryParametersTests
{
    private static QueryCollection Query(params (string Name, string Value)[] values) =>
        new(values.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => new StringValues([.. g.Select(v => v.Value)])));

    [Theory]
    [InlineData("1", 1)]
    [InlineData("100", 100)]
    [InlineData("020", 20)]
    public void TopWithinRangeIsAccepted(string text, int expected)
    {
        Assert.True(QueryParameters.TryGetInt(Query(("top", text)), "top", 20, 1, 100, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("ten")]
    [InlineData("99999999999999999999")]
    [InlineData(" 5")]
    [InlineData("١٠")] // Arabic-Indic digits are not a number format the API accepts
    public void TopOutsideRangeOrNotANumberIsAProblemNamingTheParameter(string text)
    {
        Assert.False(QueryParameters.TryGetInt(Query(("top", text)), "top", 20, 1, 100, out _, out var problem));
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.Equal("top", problem.ProblemDetails.Extensions["parameter"]);
    }

    [Fact]
    public void AMissingParameterTakesItsDefault()
    {
        Assert.True(QueryParameters.TryGetInt(Query(), "top", 20, 1, 100, out var value, out _));
        Assert.Equal(20, value);
    }

    [Fact]
    public void AParameterGivenTwiceIsAProblem() =>
        Assert.False(QueryParameters.TryGetInt(Query(("top", "1"), ("top", "2")), "top", 20, 1, 100, out _, out _));

    [Theory]
    [InlineData("2015-07-21", false, "2015-07-21T00:00:00.0000000+00:00")]
    [InlineData("2015-07-21", true, "2015-07-21T23:59:59.9999999+00:00")]
    [InlineData("2015-07-21T08:30:00Z", false, "2015-07-21T08:30:00.0000000+00:00")]
    [InlineData("2015-07-21T08:30:00", true, "2015-07-21T08:30:00.0000000+00:00")]
    [InlineData("2015-07-21T11:30:00+03:00", false, "2015-07-21T08:30:00.0000000+00:00")]
    public void DatesAreInclusiveUtcBounds(string text, bool upper, string expected)
    {
        Assert.True(QueryParameters.TryGetDateBound(Query(("d", text)), "d", upper, out var value, out _));
        Assert.Equal(expected, value!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("21/07/2015")]
    [InlineData("2015-13-01")]
    [InlineData("2015-07-21 08:30")]
    [InlineData("1437465600")]
    public void UnrecognisedDatesAreAProblem(string text) =>
        Assert.False(QueryParameters.TryGetDateBound(Query(("from", text)), "from", false, out _, out _));

    [Fact]
    public void FromAfterToIsAProblem()
    {
        Assert.False(QueryParameters.TryGetDateRange(Query(("from", "2015-08-02"), ("to", "2015-08-01")), out _, out _, out var problem));
        Assert.Equal("from", problem.ProblemDetails.Extensions["parameter"]);
    }

    [Fact]
    public void TheSameDayAsFromAndToCoversTheWholeDay()
    {
        Assert.True(QueryParameters.TryGetDateRange(Query(("from", "2015-08-01"), ("to", "2015-08-01")), out var from, out var to, out _));
        Assert.Equal(TimeSpan.FromDays(1) - TimeSpan.FromTicks(1), to - from);
    }
}
