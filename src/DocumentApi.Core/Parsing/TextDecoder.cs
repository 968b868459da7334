using System.Buffers;
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

/// <summary>
/// A blob's bytes with their encoding worked out. The text is decoded on first use only: a UTF-8 JSON blob goes to
/// the JSON reader as bytes and is never turned into one big string.
/// </summary>
internal sealed class DecodedBlob(ReadOnlyMemory<byte> body, TextEncodingKind encoding, int bomLength)
{
    private string? _text;

    public TextEncodingKind Encoding { get; } = encoding;

    /// <summary>Bytes of byte-order mark before <see cref="Body"/>.</summary>
    public int BomLength { get; } = bomLength;

    /// <summary>The bytes after the byte-order mark.</summary>
    public ReadOnlyMemory<byte> Body { get; } = body;

    public string Text => _text ??= TextDecoder.GetEncoding(Encoding).GetString(Body.Span);

    /// <summary>The charset parameter for a content type that describes the original bytes.</summary>
    public string Charset => Encoding switch
    {
        TextEncodingKind.Utf8 => "utf-8",
        TextEncodingKind.Utf16LittleEndian or TextEncodingKind.Utf16BigEndian => "utf-16",
        _ => "windows-1256",
    };

    /// <summary>Whether the encoding keeps ASCII as single bytes, so byte checks see what character checks would.</summary>
    public bool IsAsciiCompatible => Encoding is TextEncodingKind.Utf8 or TextEncodingKind.Windows1256;

    /// <summary>The text as UTF-8 bytes: the body itself when it is UTF-8, else the text re-encoded.</summary>
    public ReadOnlyMemory<byte> Utf8 => Encoding == TextEncodingKind.Utf8 ? Body : System.Text.Encoding.UTF8.GetBytes(Text);

    /// <summary>
    /// The first character that is not white space, or null when there is none. Byte-wise for ASCII-compatible
    /// encodings (ASCII white space and the no-break space are skipped), on the decoded text otherwise.
    /// </summary>
    public char? FirstSignificantChar()
    {
        if (!IsAsciiCompatible)
        {
            var trimmed = Text.AsSpan().TrimStart();
            return trimmed.IsEmpty ? null : trimmed[0];
        }

        var bytes = Body.Span;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b is (byte)' ' or >= (byte)'\t' and <= (byte)'\r')
            {
                continue;
            }

            // No-break space: C2 A0 in UTF-8, A0 in Windows-1256.
            if (Encoding == TextEncodingKind.Utf8 && b == 0xC2 && i + 1 < bytes.Length && bytes[i + 1] == 0xA0)
            {
                i++;
                continue;
            }

            if (Encoding == TextEncodingKind.Windows1256 && b == 0xA0)
            {
                continue;
            }

            // Only ASCII is told apart here; any other lead byte just means "not white space".
            return b < 0x80 ? (char)b : '\uFFFD';
        }

        return null;
    }
}

/// <summary>
/// Works out how a blob's bytes are encoded. A byte-order mark decides (UTF-8, UTF-16 LE, UTF-16 BE); without one,
/// bytes that are valid UTF-8 are UTF-8, and anything else is read as Windows-1256, the Arabic code page older Arabic
/// sites and Windows tools still write. Every byte sequence decodes in Windows-1256, so decoding never fails: whether
/// the result is text at all is <see cref="LooksBinary"/>'s question.
/// </summary>
internal static class TextDecoder
{
    public const int Windows1256CodePage = 1256;

    /// <summary>Share of control characters above which a blob is binary rather than text with a few stray ones.</summary>
    private const double MaxControlShare = 0.01;

    /// <summary>Only the start is sampled: a binary blob shows itself in its first 64 KiB.</summary>
    private const int BinarySampleLength = 64 * 1024;

    private static readonly Encoding Windows1256 = CreateWindows1256();

    private static readonly SearchValues<char> ControlChars = SearchValues.Create(ControlCharacters());
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(Encoding.ASCII.GetBytes(ControlCharacters()));

    // Replacement rather than exceptions: a BOM-marked blob with a bad sequence still reads, with U+FFFD there.
    private static readonly Encoding Utf8Text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false);

    public static DecodedBlob Open(ReadOnlyMemory<byte> content)
    {
        var bytes = content.Span;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedBlob(content[3..], TextEncodingKind.Utf8, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedBlob(content[2..], TextEncodingKind.Utf16LittleEndian, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedBlob(content[2..], TextEncodingKind.Utf16BigEndian, 2);
        }

        return new DecodedBlob(content, Utf8.IsValid(bytes) ? TextEncodingKind.Utf8 : TextEncodingKind.Windows1256, 0);
    }

    public static Encoding GetEncoding(TextEncodingKind kind) => kind switch
    {
        TextEncodingKind.Utf8 => Utf8Text,
        TextEncodingKind.Utf16LittleEndian => Utf16Le,
        TextEncodingKind.Utf16BigEndian => Utf16Be,
        _ => Windows1256,
    };

    /// <summary>
    /// True when more than 1% of the first 64 KiB characters are control characters other than tab, line feed and
    /// carriage return (NUL included). Text with a few stray NULs stays text (hygiene strips them); random or
    /// binary bytes have about 12% such characters. For ASCII-compatible encodings the bytes are counted, which
    /// gives the same answer without decoding.
    /// </summary>
    public static bool LooksBinary(DecodedBlob blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (blob.IsAsciiCompatible)
        {
            var bytes = blob.Body.Span;
            return LooksBinary(bytes[..Math.Min(bytes.Length, BinarySampleLength)], ControlBytes);
        }

        return LooksBinary(blob.Text);
    }

    public static bool LooksBinary(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LooksBinary(text.AsSpan(0, Math.Min(text.Length, BinarySampleLength)), ControlChars);
    }

    private static bool LooksBinary<T>(ReadOnlySpan<T> sample, SearchValues<T> controls)
        where T : IEquatable<T>
    {
        var found = 0;
        var threshold = Math.Max(1, (int)Math.Ceiling(sample.Length * MaxControlShare));
        var rest = sample;
        int next;
        while ((next = rest.IndexOfAny(controls)) >= 0)
        {
            if (++found >= threshold)
            {
                return true;
            }

            rest = rest[(next + 1)..];
        }

        return false;
    }

    /// <summary>C0 controls other than tab, line feed and carriage return, and DEL.</summary>
    private static string ControlCharacters()
    {
        var controls = new StringBuilder();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                controls.Append(c);
            }
        }

        return controls.Append('\u007F').ToString();
    }

    private static Encoding CreateWindows1256()
    {
        // In-box since .NET Core 3.0; registering twice is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(Windows1256CodePage);
    }
}
