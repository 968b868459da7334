using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocumentApi.Http;

/// <summary>
/// Reads and validates query parameters by hand rather than through model binding, so both hosts reject bad input
/// with the same problem details (model binding would answer with its own 400 before our handler runs).
/// </summary>
internal static class QueryParameters
{
    public static bool TryGetString(
        IQueryCollection query, string name, int maxLength, out string? value, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        value = null;
        problem = null;
        if (!query.TryGetValue(name, out var values))
        {
            return true;
        }

        if (values.Count > 1)
        {
            problem = ApiProblems.InvalidParameter(name, $"'{name}' is given more than once.");
            return false;
        }

        var text = values[0];
        if (text is not null && text.Length > maxLength)
        {
            problem = ApiProblems.InvalidParameter(name, $"'{name}' is longer than {maxLength} characters.");
            return false;
        }

        value = string.IsNullOrEmpty(text) ? null : text;
        return true;
    }

    public static bool TryGetInt(
        IQueryCollection query, string name, int defaultValue, int min, int max, out int value, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        value = defaultValue;
        if (!TryGetString(query, name, 32, out var text, out problem))
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            problem = ApiProblems.InvalidParameter(name, $"'{name}' must be a whole number from {min} to {max}.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// An inclusive bound on a UTC instant: a date (<c>2015-07-21</c>) covers the whole day, so as a lower bound it
    /// means its first instant and as an upper bound its last. A date-time without an offset is UTC.
    /// </summary>
    public static bool TryGetDateBound(
        IQueryCollection query, string name, bool upper, out DateTimeOffset? value, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        value = null;
        if (!TryGetString(query, name, 64, out var text, out problem))
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            value = upper ? start.AddDays(1).AddTicks(-1) : start;
            return true;
        }

        if (DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var instant)
            && text.Contains('T', StringComparison.Ordinal))
        {
            value = instant.ToUniversalTime();
            return true;
        }

        problem = ApiProblems.InvalidParameter(
            name, $"'{name}' must be an ISO 8601 date (2015-07-21) or date-time (2015-07-21T08:30:00Z).");
        return false;
    }

    public static bool TryGetDateRange(
        IQueryCollection query,
        out DateTimeOffset? from,
        out DateTimeOffset? to,
        [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        to = null;
        if (!TryGetDateBound(query, "from", upper: false, out from, out problem)
            || !TryGetDateBound(query, "to", upper: true, out to, out problem))
        {
            return false;
        }

        if (from > to)
        {
            problem = ApiProblems.InvalidParameter("from", "'from' is after 'to'.");
            return false;
        }

        return true;
    }
}
