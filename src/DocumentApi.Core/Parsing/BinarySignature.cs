namespace DocumentApi.Core.Parsing;

/// <summary>A kind of file recognised by its leading bytes, which the parser refuses by name.</summary>
internal sealed record BinarySignature(string Name, string ContentType)
{
    public static readonly BinarySignature Png = new("a PNG image", "image/png");
    public static readonly BinarySignature Jpeg = new("a JPEG image", "image/jpeg");
    public static readonly BinarySignature Gif = new("a GIF image", "image/gif");
    public static readonly BinarySignature WebP = new("a WebP image", "image/webp");
    public static readonly BinarySignature Pdf = new("a PDF document", "application/pdf");
    public static readonly BinarySignature Zip = new("a ZIP archive", "application/zip");
    public static readonly BinarySignature Gzip = new("a gzip archive", "application/gzip");

    private static ReadOnlySpan<byte> PngMagic => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Gif87Magic => "GIF87a"u8;
    private static ReadOnlySpan<byte> Gif89Magic => "GIF89a"u8;
    private static ReadOnlySpan<byte> RiffMagic => "RIFF"u8;
    private static ReadOnlySpan<byte> WebPMagic => "WEBP"u8;
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> GzipMagic => [0x1F, 0x8B];

    // Local file header, end of central directory (an empty archive) and the spanned-archive marker.
    private static ReadOnlySpan<byte> ZipMagic => [(byte)'P', (byte)'K', 0x03, 0x04];
    private static ReadOnlySpan<byte> EmptyZipMagic => [(byte)'P', (byte)'K', 0x05, 0x06];
    private static ReadOnlySpan<byte> SpannedZipMagic => [(byte)'P', (byte)'K', 0x07, 0x08];

    /// <summary>The signature the bytes start with, or null when they start like no known binary format.</summary>
    public static BinarySignature? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PngMagic))
        {
            return Png;
        }

        if (content.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        if (content.StartsWith(Gif87Magic) || content.StartsWith(Gif89Magic))
        {
            return Gif;
        }

        // RIFF container: 4-byte size, then the form type.
        if (content.Length >= 12 && content.StartsWith(RiffMagic) && content[8..12].SequenceEqual(WebPMagic))
        {
            return WebP;
        }

        if (content.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        if (content.StartsWith(ZipMagic) || content.StartsWith(EmptyZipMagic) || content.StartsWith(SpannedZipMagic))
        {
            return Zip;
        }

        return content.StartsWith(GzipMagic) ? Gzip : null;
    }
}
