using System.Globalization;
using System.Text;
using DocumentApi.Core.Documents;
using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class DocumentParserFailureTests
{
    private const string BlobName = "incoming/blob.bin";

    public static TheoryData<string, byte[], string, string> Unparseable => new()
    {
        { "empty", [], "The blob is empty.", "application/octet-stream" },
        { "white space only", Encoding.UTF8.GetBytes(" \n\t\r\n \u00A0 \n"), "The blob holds only white space.", "text/plain; charset=utf-8" },
        { "binary with NULs", [0x00, 0x01, 0x00, 0x02, 0x41, 0x00, 0x42, 0x00], "The blob looks binary: it holds NUL or other control bytes, so it is not text.", "application/octet-stream" },
        { "control bytes", [.. Encoding.UTF8.GetBytes("الدوحة"), 0x01, 0x02, 0x03, 0x04, 0x05], "The blob looks binary: it holds NUL or other control bytes, so it is not text.", "application/octet-stream" },
        { "PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "The blob is a PNG image, not a text or JSON document.", "image/png" },
        { "JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46], "The blob is a JPEG image, not a text or JSON document.", "image/jpeg" },
        { "GIF", [.. "GIF89a"u8, 0x01, 0x00], "The blob is a GIF image, not a text or JSON document.", "image/gif" },
        { "WebP", [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8], "The blob is a WebP image, not a text or JSON document.", "image/webp" },
        { "PDF", [.. "%PDF-1.7\n"u8], "The blob is a PDF document, not a text or JSON document.", "application/pdf" },
        { "ZIP", [.. "PK"u8, 0x03, 0x04, 0x14, 0x00], "The blob is a ZIP archive, not a text or JSON document.", "application/zip" },
        { "invalid JSON", Encoding.UTF8.GetBytes("[\n  {\"title\": \"عنوان\",\n}\n]"), "The blob is not valid JSON: the first error is at line 3, byte 1.", "application/json" },
        { "JSON nested too deep", Encoding.UTF8.GetBytes(new string('[', 33) + new string(']', 33)), "The JSON is nested deeper than the limit of 32 levels (line 1, byte 33).", "application/json" },
        { "JSON that is not an article", Encoding.UTF8.GetBytes("{\"name\": \"قطر\"}"), "The JSON object is not an article: it has no \"content\" text.", "application/json" },
        { "only boilerplate", Encoding.UTF8.GetBytes("اترك تعليقاً\n\nلن يتم نشر عنوان بريدك الإلكتروني."), DocumentAssembler.NoTextReason, "text/plain; charset=utf-8" },
    };

    [Theory]
    [MemberData(nameof(Unparseable))]
    public void UnparseableBlobIsOneFailedDocumentWithAReasonAndTheBlobMetadata(string kind, byte[] content, string reason, string contentType)
    {
        var document = Assert.Single(new DocumentParser(new ParserOptions()).Parse(BlobName, content, contentType: null));

        Assert.True(document.Status == DocumentStatus.Failed, kind);
        Assert.Equal(reason, document.FailureReason);
        Assert.Equal(DocumentId.For(BlobName), document.Id);
        Assert.Equal(BlobName, document.BlobName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), document.ContentHash);
        Assert.Equal(contentType, document.ContentType);
        Assert.Equal(content.Length, document.SizeBytes);
        Assert.Equal(DocumentLanguage.Undetermined, document.Language);
        Assert.Null(document.Title);
        Assert.Empty(document.Sections);
        Assert.Equal("", document.Text);
    }

    [Fact]
    public void BlobOverTheSizeLimitIsRefusedWithoutBeingRead()
    {
        // Valid Arabic text: it would parse, so only the limit can make it fail.
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("الدوحة وطهران. ", 100)));
        var parser = new DocumentParser(new ParserOptions { MaxSizeBytes = content.Length - 1 });

        var document = Assert.Single(parser.Parse(BlobName, content, "text/plain"));

        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"The blob is {content.Length:N0} bytes, over the {content.Length - 1:N0}-byte limit, so it was not read."),
            document.FailureReason);
        Assert.Equal(content.Length, document.SizeBytes);
        Assert.Equal("text/plain", document.ContentType);
        Assert.Single(new DocumentParser(new ParserOptions { MaxSizeBytes = content.Length }).Parse(BlobName, content, null), d => d.Status == DocumentStatus.Indexed);
    }

    [Fact]
    public void DefaultSizeLimitIsSixteenMebibytes() => Assert.Equal(16 * 1024 * 1024, new ParserOptions().MaxSizeBytes);

    [Fact]
    public void JsonDepthFollowsTheOptions()
    {
        var json = Encoding.UTF8.GetBytes("""[{"content": "نص الخبر.", "extra": {"a": 1}}]""");

        Assert.Equal(DocumentStatus.Failed, new DocumentParser(new ParserOptions { MaxJsonDepth = 2 }).Parse("x.json", json, null).Single().Status);
        Assert.Equal(DocumentStatus.Indexed, new DocumentParser(new ParserOptions { MaxJsonDepth = 3 }).Parse("x.json", json, null).Single().Status);
    }

    [Fact]
    public void DeclaredJsonThatIsNotJsonFailsAsInvalidJson()
    {
        var document = new DocumentParser(new ParserOptions()).Parse("article.json", Encoding.UTF8.GetBytes("وزير الاتصالات الإيراني"), null).Single();

        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.Equal("The blob is not valid JSON: the first error is at line 1, byte 1.", document.FailureReason);
    }

    [Fact]
    public void NullArgumentsAreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => new DocumentParser(null!));
        Assert.Throws<ArgumentNullException>(() => new DocumentParser(new ParserOptions()).Parse(null!, Array.Empty<byte>(), null));
        Assert.Throws<ArgumentException>(() => new DocumentParser(new ParserOptions()).Parse("", Array.Empty<byte>(), null));
    }
}
