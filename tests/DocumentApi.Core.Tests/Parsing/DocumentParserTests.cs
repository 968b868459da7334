using System.Text;
using System.Text.RegularExpressions;
using DocumentApi.Core.Documents;
using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class DocumentParserTests
{
    private static readonly DocumentParser Parser = new(new ParserOptions());

    static DocumentParserTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, string, string> Encodings => new()
    {
        { RepoFiles.Seed000, "utf-8-bom", "text/plain; charset=utf-8" },
        { RepoFiles.Seed000, "utf-16le", "text/plain; charset=utf-16" },
        { RepoFiles.Seed000, "utf-16be", "text/plain; charset=utf-16" },
        { RepoFiles.Seed000, "crlf", "text/plain; charset=utf-8" },
        { RepoFiles.Seed003, "utf-8-bom", "text/plain; charset=utf-8" },
        { RepoFiles.Seed003, "utf-16le", "text/plain; charset=utf-16" },
        { RepoFiles.Seed003, "utf-16be", "text/plain; charset=utf-16" },

        // Seed 000's question marker (◄) has no Windows-1256 byte; seed 003 fits the code page entirely.
        { RepoFiles.Seed003, "windows-1256", "text/plain; charset=windows-1256" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void SeedInAnotherEncodingParsesLikeItsUtf8(string seed, string encoding, string contentType)
    {
        var utf8 = RepoFiles.Seed(seed);
        var text = Encoding.UTF8.GetString(utf8);
        byte[] bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. utf8],
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            "crlf" => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)),
            _ => Encoding.GetEncoding(1256, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes(text),
        };

        var expected = Parser.Parse(seed, utf8, null).Single();
        var actual = Parser.Parse(seed, bytes, null).Single();

        Assert.Equal(contentType, actual.ContentType);
        Assert.Equal(bytes.Length, actual.SizeBytes);
        Assert.NotEqual(expected.ContentHash, actual.ContentHash);
        Assert.Equal(
            GoldenJson.Serialize(expected),
            GoldenJson.Serialize(actual with { ContentHash = expected.ContentHash, SizeBytes = expected.SizeBytes, ContentType = expected.ContentType }));
    }

    [Fact]
    public void StrayNulsAndControlCharactersAreStrippedFromText()
    {
        var clean = RepoFiles.Seed(RepoFiles.Seed003);
        var text = Encoding.UTF8.GetString(clean);
        var dirty = Encoding.UTF8.GetBytes(text.Insert(4000, "\0").Insert(2000, "\u0007").Insert(100, "\0"));

        var expected = Parser.Parse(RepoFiles.Seed003, clean, null).Single();
        var actual = Parser.Parse(RepoFiles.Seed003, dirty, null).Single();

        Assert.Equal(DocumentStatus.Indexed, actual.Status);
        Assert.Equal(expected.Text, actual.Text);
    }

    [Theory]
    [InlineData(RepoFiles.Seed000, new[] { 1, 2, 44, 45, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126 })]
    [InlineData(RepoFiles.Seed003, new int[0])]
    public void SeedLosesNoWordBeyondItsHeaderCaptionAndBoilerplate(string seed, int[] droppedLines)
    {
        // Every word of every other line must come out, in order, in the title, the dateline or the text.
        var lines = Encoding.UTF8.GetString(RepoFiles.Seed(seed)).Split('\n');
        var expected = Words(string.Join('\n', lines.Where((_, i) => !droppedLines.Contains(i + 1))));
        var document = Parser.Parse(seed, RepoFiles.Seed(seed), null).Single();

        var actual = Words(string.Join('\n', document.TitleIsDerived ? "" : document.Title, document.Dateline ?? "", document.Text));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SeedTextHoldsNoBoilerplate()
    {
        var text = Parser.Parse(RepoFiles.Seed000, RepoFiles.Seed(RepoFiles.Seed000), null).Single().Text;

        Assert.DoesNotContain("اقرأ ايضاً", text, StringComparison.Ordinal);
        Assert.DoesNotContain("طلاب من 4 دول", text, StringComparison.Ordinal);
        Assert.DoesNotContain("شاهد أيضاً", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1587347", text, StringComparison.Ordinal);
        Assert.DoesNotContain("أوكرانيا", text, StringComparison.Ordinal);
        Assert.DoesNotContain("تعليقاً", text, StringComparison.Ordinal);
        Assert.DoesNotContain("بريدك الإلكتروني", text, StringComparison.Ordinal);
        Assert.DoesNotContain('◄', text);
        Assert.DoesNotContain('\u00A0', text);
    }

    [Theory]
    [InlineData("text/plain", "text/plain")]
    [InlineData("text/plain; charset=utf-8", "text/plain; charset=utf-8")]
    [InlineData(" text/markdown ", "text/markdown")]
    [InlineData(null, "text/plain; charset=utf-8")]
    [InlineData("", "text/plain; charset=utf-8")]
    [InlineData("application/octet-stream", "text/plain; charset=utf-8")]
    [InlineData("Application/Octet-Stream; foo=bar", "text/plain; charset=utf-8")]
    public void DeclaredContentTypeIsKeptWhenItIsSpecific(string? declared, string expected) =>
        Assert.Equal(expected, Parser.Parse("a.txt", RepoFiles.Seed(RepoFiles.Seed003), declared).Single().ContentType);

    [Theory]
    [InlineData("a.txt", null, "{\"title\": \"عنوان\", \"content\": \"نص.\"}")] // sniffed by its first character
    [InlineData("a.txt", null, "  \n [{\"title\": \"عنوان\", \"content\": \"نص.\"}]")] // after white space
    [InlineData("a.JSON", null, "\uFEFF{\"title\": \"عنوان\", \"content\": \"نص.\"}")] // byte-order mark before the brace
    [InlineData("a", "application/json; charset=utf-8", "{\"title\": \"عنوان\", \"content\": \"نص.\"}")]
    public void JsonIsRecognisedByItsFirstCharacterItsNameOrItsContentType(string blobName, string? contentType, string json)
    {
        var document = Parser.Parse(blobName, Encoding.UTF8.GetBytes(json), contentType).Single();

        Assert.Equal(DocumentStatus.Indexed, document.Status);
        Assert.Equal("عنوان", document.Title);
    }

    [Fact]
    public void JsonInUtf16IsReadAndSaysItsCharset()
    {
        var json = "[{\"title\": \"عنوان\", \"content\": \"نص.\"}]";
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)];

        var document = Parser.Parse("a.json", bytes, null).Single();

        Assert.Equal("عنوان", document.Title);
        Assert.Equal("application/json; charset=utf-16", document.ContentType);
    }

    [Fact]
    public void EnglishTextIsEnglish()
    {
        var document = Parser.Parse("en.txt", "Doha and Tehran\n\nThe ministers met in Doha on Sunday."u8.ToArray(), null).Single();

        Assert.Equal(DocumentLanguage.English, document.Language);
        Assert.Equal("Doha and Tehran", document.Title);
        Assert.Equal(7, document.WordCount);
    }

    [Fact]
    public void ParsingTheSameBlobTwiceGivesTheSameDocument() =>
        Assert.Equal(
            GoldenJson.Serialize(Parser.Parse("a.txt", RepoFiles.Seed(RepoFiles.Seed000), null)),
            GoldenJson.Serialize(Parser.Parse("a.txt", RepoFiles.Seed(RepoFiles.Seed000), null)));

    private static string[] Words(string text) =>
        [.. Regex.Split(text.Replace('\u00A0', ' '), @"\s+").Where(w => w.Any(char.IsLetterOrDigit))];
}
