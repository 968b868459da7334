using System.Globalization;
using System.Text.Json;

namespace DocumentApi.Server.Tests;

/// <summary>Test articles in the two formats the product reads.</summary>
internal static class Articles
{
    /// <summary>The seed text format: header line (date, unix time, source id), title, paragraphs.</summary>
    public static string SeedText(DateTimeOffset published, string title, params string[] paragraphs) =>
        string.Create(CultureInfo.InvariantCulture, $"{published.UtcDateTime:yyyyMMdd} {published.ToUnixTimeSeconds()} 1\n{title}\n\n")
        + string.Join("\n\n", paragraphs) + "\n";

    /// <summary>One SaudiNewsNet article object; <paramref name="extractedSaudiTime"/> is local Saudi time (UTC+3).</summary>
    public static string SaudiNewsNet(string source, string extractedSaudiTime, string title, string content) =>
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["source"] = source,
            ["url"] = $"http://example.com/{source}/{Uri.EscapeDataString(title)}",
            ["date_extracted"] = extractedSaudiTime,
            ["title"] = title,
            ["author"] = "",
            ["content"] = content,
        });

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 12) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}
