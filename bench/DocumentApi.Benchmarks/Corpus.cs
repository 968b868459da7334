using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocumentApi.Benchmarks;

/// <summary>One SaudiNewsNet article, as the corpus zips hold it, with its position in the whole corpus.</summary>
public sealed record Article(
    int Index,
    string Day,
    string Source,
    string Url,
    DateTime Extracted,
    string Title,
    string Author,
    string Content)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // Arabic stays as UTF-8 bytes, as the corpus writes it, so the JSON blobs have the corpus's real size.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Blob name without extension: unique, stable, and readable.</summary>
    public string BlobStem => string.Create(CultureInfo.InvariantCulture, $"saudinewsnet/{Day}/{Index:D5}");

    /// <summary>The body's paragraphs (the corpus separates them with blank lines), trimmed, empty ones dropped.</summary>
    public IEnumerable<string> Paragraphs =>
        Content.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);

    /// <summary>The body as the index receives it: paragraphs separated by blank lines.</summary>
    public string BodyText => string.Join("\n\n", Paragraphs);

    public DateTimeOffset PublishedAt => new(Extracted, TimeSpan.Zero);

    /// <summary>
    /// The seed text format: <c>yyyyMMdd unixSeconds id</c>, the title line, a blank line, then one paragraph a line
    /// (the shape of seeds/*.txt).
    /// </summary>
    public byte[] ToSeedText()
    {
        var builder = new StringBuilder(Content.Length + Title.Length + 64);
        builder.Append(CultureInfo.InvariantCulture, $"{Extracted:yyyyMMdd} {PublishedAt.ToUnixTimeSeconds()} {Index}\n");
        if (Title.Length > 0)
        {
            builder.Append(Title.Trim()).Append("\n\n");
        }

        foreach (var paragraph in Paragraphs)
        {
            builder.Append(paragraph).Append('\n');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>The article as one SaudiNewsNet JSON object, fields as in the corpus.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(
        new RawArticle
        {
            Source = Source,
            Url = Url,
            DateExtracted = Extracted.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            Title = Title,
            Author = Author,
            Content = Content,
        },
        JsonOptions);

    internal sealed class RawArticle
    {
        [JsonPropertyName("source")]
        public string? Source { get; set; }

        [JsonPropertyName("url")]
        public string? Url { get; set; }

        [JsonPropertyName("date_extracted")]
        public string? DateExtracted { get; set; }

        [JsonPropertyName("title")]
        public string? Title { get; set; }

        [JsonPropertyName("author")]
        public string? Author { get; set; }

        [JsonPropertyName("content")]
        public string? Content { get; set; }
    }
}

/// <summary>Reads the SaudiNewsNet zips (one JSON array per day) with System.IO.Compression.</summary>
public static class Corpus
{
    /// <summary>Every 15th article of the 31,030 gives the quick run's ~2,000, spread over every day and source.</summary>
    public const int QuickStride = 15;

    public static IReadOnlyList<Article> Load(string folder, bool quick)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Corpus folder not found: {folder}");
        }

        var articles = new List<Article>();
        var index = 0;
        foreach (var zipPath in Directory.GetFiles(folder, "*.zip").Order(StringComparer.Ordinal))
        {
            var day = Path.GetFileNameWithoutExtension(zipPath);
            using var zip = ZipFile.OpenRead(zipPath);
            foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
            {
                using var stream = entry.Open();
                var raw = JsonSerializer.Deserialize<List<Article.RawArticle>>(stream) ?? [];
                foreach (var item in raw)
                {
                    var position = index++;
                    if (quick && position % QuickStride != 0)
                    {
                        continue;
                    }

                    var extracted = DateTime.TryParseExact(
                        item.DateExtracted, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var when)
                        ? when
                        : DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    articles.Add(new Article(
                        position, day, item.Source ?? "", item.Url ?? "", extracted,
                        item.Title ?? "", item.Author ?? "", item.Content ?? ""));
                }
            }
        }

        return articles;
    }
}
