using System.Text;
using DocumentApi.Core.Documents;
using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

/// <summary>Parse never throws, whatever the bytes: random blobs, truncated seeds, mangled JSON.</summary>
public sealed class DocumentParserRobustnessTests
{
    private static readonly DocumentParser Parser = new(new ParserOptions { MaxJsonDepth = 8 });

    public static TheoryData<int, int> RandomBlobs()
    {
        var data = new TheoryData<int, int>();
        foreach (var length in new[] { 1, 2, 3, 7, 64, 1000, 20_000 })
        {
            foreach (var seed in new[] { 1, 2, 3 })
            {
                data.Add(length, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RandomBlobs))]
    public void RandomBytesNeverThrow(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);

        AssertParsesSomehow("random.bin", bytes);
    }

    [Theory]
    [MemberData(nameof(RandomBlobs))]
    public void RandomBytesAfterAJsonOrTextStartNeverThrow(int length, int seed)
    {
        var random = new Random(seed);
        var noise = new byte[length];
        random.NextBytes(noise);

        // Mostly printable noise, so the blob gets past the binary check and into the format parsers.
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = (byte)"[]{}\",: \n\\abcu0123456789◄اقرأ أيضاً.؟-"u8[noise[i] % 47];
        }

        AssertParsesSomehow("noise.json", [.. "[{\"content\":\""u8, .. noise]);
        AssertParsesSomehow("noise.txt", [.. "20210613 1623614769 51060\n"u8, .. noise]);
    }

    public static TheoryData<string, int> TruncatedSeeds()
    {
        var data = new TheoryData<string, int>();
        foreach (var seed in new[] { RepoFiles.Seed000, RepoFiles.Seed003 })
        {
            var length = RepoFiles.Seed(seed).Length;
            foreach (var cut in new[] { 1, 2, 5, 10, 25, 26, 27, 100, 241, 242, 243, 1001, length / 3, length / 2, length - 1 })
            {
                data.Add(seed, Math.Min(cut, length));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TruncatedSeeds))]
    public void TruncatedSeedsNeverThrow(string seed, int length)
    {
        var bytes = RepoFiles.Seed(seed).AsSpan(0, length).ToArray();

        // A cut inside a UTF-8 sequence makes the bytes invalid UTF-8: they still parse (as Windows-1256).
        AssertParsesSomehow(seed, bytes);
        AssertParsesSomehow(seed, [.. Encoding.Unicode.GetPreamble(), .. bytes]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TruncatedSaudiNewsNetSampleNeverThrows(int seed)
    {
        var sample = File.ReadAllBytes(RepoFiles.SamplePath(RepoFiles.SaudiNewsNetSample));
        var cut = new Random(seed).Next(1, sample.Length);

        var document = Assert.Single(Parser.Parse("sample.json", sample.AsMemory(0, cut), null));
        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.StartsWith("The blob is not valid JSON", document.FailureReason, StringComparison.Ordinal);
    }

    /// <summary>The pieces the line rules react to, so random texts hit the rules' edges rather than plain prose.</summary>
    private static readonly string[] Tokens =
    [
        "الدوحة", "وطهران", "قطر", "WTDC-25", "2025", "1", " ", " ", " ", "\n", "\n", "\n\n", "\u00A0", "-", " - ", " – ", " ـ ",
        ".", "..", "؟", "?", "!", "…", "،", ":", "«", "»", "“", "”", "◄", "◄ ", "1- ", "12) ", "اقرأ أيضاً", "شاهد أيضاً",
        "اترك تعليقاً", "*** Local Caption ***", "20210613 1623614769 51060", "1 1587347", "jehat5@yahoo.com", "\r\n", "\t",
        "\u0627\u0654", "ّ", "َ", "ـ", "\uFEFF", "\0", "{", "[",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void RandomTextsBuiltFromTheRulesOwnPiecesNeverThrow(int seed)
    {
        var random = new Random(seed);
        for (var text = 0; text < 400; text++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 60);
            for (var i = 0; i < length; i++)
            {
                builder.Append(Tokens[random.Next(Tokens.Length)]);
            }

            AssertParsesSomehow("fuzz.txt", Encoding.UTF8.GetBytes(builder.ToString()));
        }
    }

    private static void AssertParsesSomehow(string blobName, byte[] bytes)
    {
        var documents = Parser.Parse(blobName, bytes, null);

        Assert.NotEmpty(documents);
        Assert.All(documents, d =>
        {
            Assert.Equal(bytes.Length, d.SizeBytes);
            Assert.True(DocumentId.IsWellFormed(d.Id));
            Assert.Equal(d.Status == DocumentStatus.Failed, d.FailureReason is not null);
            Assert.Equal(Document.ComposeText(d.Sections), d.Text);
        });
    }
}
