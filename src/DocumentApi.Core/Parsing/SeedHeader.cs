using System.Globalization;

namespace DocumentApi.Core.Parsing;

/// <summary>
/// The seed format's optional first line, <c>yyyyMMdd unixSeconds id</c>: the edition date, the publication time
/// and the publisher's id for the article.
/// </summary>
/// <remarks>
/// The unix time is the precise one, so it is the publication time when it agrees with the date. Agreement allows
/// for time zones: the unix time's UTC date may be the day before, the day itself or the day after. When the two
/// disagree the line is corrupt in one of them and nothing says which; the date is the one a person wrote and a
/// reader sees, and a unix time in the wrong unit or off by a digit is the likelier fault, so the date wins, at
/// midnight UTC. When only one of them is a valid value, that one is used; when neither is, there is no time.
/// </remarks>
internal sealed record SeedHeader(string SourceId, DateTimeOffset? PublishedAt)
{
    private const int DateDigits = 8;
    private const int MaxUnixDigits = 18;
    private const int MaxSourceIdLength = 64;

    /// <summary>Time zones span from UTC-12 to UTC+14, so a local date is at most one day from the UTC date.</summary>
    private const int AllowedDayDifference = 1;

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static bool TryParse(string line, out SeedHeader header)
    {
        ArgumentNullException.ThrowIfNull(line);
        header = null!;
        var parts = line.Split(' ');
        if (parts.Length != 3
            || parts[0].Length != DateDigits || !IsAsciiDigits(parts[0])
            || parts[1].Length is 0 or > MaxUnixDigits || !IsAsciiDigits(parts[1])
            || parts[2].Length > MaxSourceIdLength)
        {
            return false;
        }

        header = new SeedHeader(parts[2], ResolvePublishedAt(parts[0], parts[1]));
        return true;
    }

    private static DateTimeOffset? ResolvePublishedAt(string dateText, string unixText)
    {
        DateOnly? date = DateOnly.TryParseExact(dateText, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;
        DateTimeOffset? instant = long.TryParse(unixText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= MaxUnixSeconds
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;

        return (date, instant) switch
        {
            ({ } day, { } time) when Math.Abs(DateOnly.FromDateTime(time.UtcDateTime).DayNumber - day.DayNumber) <= AllowedDayDifference => time,
            ({ } day, _) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            (null, { } time) => time,
            _ => null,
        };
    }

    private static bool IsAsciiDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
