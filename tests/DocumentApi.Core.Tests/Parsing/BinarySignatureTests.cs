using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class BinarySignatureTests
{
    public static TheoryData<byte[], string?> Blobs => new()
    {
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png" },
        { [0xFF, 0xD8, 0xFF, 0xDB], "image/jpeg" },
        { [.. "GIF87a"u8], "image/gif" },
        { [.. "GIF89a"u8, 0x00], "image/gif" },
        { [.. "RIFF"u8, 0x00, 0x00, 0x00, 0x00, .. "WEBP"u8], "image/webp" },
        { [.. "RIFF"u8, 0x00, 0x00, 0x00, 0x00, .. "WAVE"u8], null }, // a RIFF that is not WebP
        { [.. "%PDF-1.4"u8], "application/pdf" },
        { [.. "PK"u8, 0x03, 0x04], "application/zip" },
        { [.. "PK"u8, 0x05, 0x06], "application/zip" }, // an empty archive
        { [0x1F, 0x8B, 0x08], "application/gzip" },
        { [0x89, 0x50, 0x4E], null }, // too short to be sure
        { [.. "PK is a word"u8], null },
        { [0xEF, 0xBB, 0xBF, 0xD9, 0x88], null }, // UTF-8 text with a BOM
        { [], null },
    };

    [Theory]
    [MemberData(nameof(Blobs))]
    public void KnownBinaryFormatsAreRecognisedByTheirMagicNumbers(byte[] content, string? contentType) =>
        Assert.Equal(contentType, BinarySignature.Detect(content)?.ContentType);
}
