using System.Text;
using System.Text.Unicode;

namespace DocumentApi.Core.Parsing;

/// <summary>The character encodings the parser reads.</summary>
internal enum TextEncodingKind
{
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
    Windows1256,
}

/// <summary>Decoded text and the encoding it was read with; <see cref="BomLength"/> bytes of byte-order mark were skipped.</summary>
internal sealed record DecodedText(string Text, TextEncodingKind Encoding, int BomLength)
{
    /// <summary>The charset parameter for a content type that describes the original bytes.</summary>
    public string Charset => Encoding switch
    {
        TextEncodingKind.Utf8 => "utf-8",
        TextEncodingKind.Utf16LittleEndian or TextEncodingKind.Utf16BigEndian => "utf-16",
        _ => "windows-1256",
    };
}

/// <summary>
/// Turns bytes into a string. A byte-order mark decides (UTF-8, UTF-16 LE, UTF-16 BE); without one, bytes that are
/// valid UTF-8 are UTF-8, and anything else is read as Windows-1256, the Arabic code page older Arabic sites and
/// Windows tools still write. Every byte sequence decodes in Windows-1256, so decoding itself never fails: whether
/// the result is text at all is <see cref="LooksBinary"/>'s question.
/// </summary>
internal static class TextDecoder
{
    public const int Windows1256CodePage = 1256;

    private static readonly Encoding Windows1256 = CreateWindows1256();

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false);

    /// <summary>Share of control characters above which a blob is binary rather than text with a few stray ones.</summary>
    private const double MaxControlShare = 0.01;

    /// <summary>Only the start is sampled: a binary blob shows itself in its first 64 KiB.</summary>
    private const int BinarySampleChars = 64 * 1024;

    public static DecodedText Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedText(StrictUtf8.GetString(content[3..]), TextEncodingKind.Utf8, 3);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Utf16Le.GetString(content[2..]), TextEncodingKind.Utf16LittleEndian, 2);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Utf16Be.GetString(content[2..]), TextEncodingKind.Utf16BigEndian, 2);
        }

        return Utf8.IsValid(content)
            ? new DecodedText(StrictUtf8.GetString(content), TextEncodingKind.Utf8, 0)
            : new DecodedText(Windows1256.GetString(content), TextEncodingKind.Windows1256, 0);
    }

    /// <summary>
    /// True when more than 1% of the first 64 KiB characters are control characters other than tab, line feed and
    /// carriage return (NUL included). Text with a few stray NULs stays text (hygiene strips them); random or
    /// binary bytes have about 12% such characters.
    /// </summary>
    public static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, BinarySampleChars));
        var controls = 0;
        foreach (var c in sample)
        {
            if (IsDisallowedControl(c))
            {
                controls++;
            }
        }

        return controls > 0 && controls >= sample.Length * MaxControlShare;
    }

    private static bool IsDisallowedControl(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007F';

    private static Encoding CreateWindows1256()
    {
        // In-box since .NET Core 3.0; registering twice is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(Windows1256CodePage);
    }
}
