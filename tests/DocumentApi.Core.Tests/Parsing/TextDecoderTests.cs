using System.Text;
using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class TextDecoderTests
{
    private const string Arabic = "وزير الاتصالات الإيراني: طهران ترحب بجهود قطر";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, byte[], string> Encoded => new()
    {
        { "UTF-8 without BOM", Encoding.UTF8.GetBytes(Arabic), nameof(TextEncodingKind.Utf8) },
        { "UTF-8 with BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Arabic)], nameof(TextEncodingKind.Utf8) },
        { "UTF-16 LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Arabic)], nameof(TextEncodingKind.Utf16LittleEndian) },
        { "UTF-16 BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Arabic)], nameof(TextEncodingKind.Utf16BigEndian) },
        { "Windows-1256", Encoding.GetEncoding(1256).GetBytes(Arabic), nameof(TextEncodingKind.Windows1256) },
    };

    [Theory]
    [MemberData(nameof(Encoded))]
    public void DecodesEachSupportedEncodingToTheSameText(string label, byte[] bytes, string expected)
    {
        var decoded = TextDecoder.Open(bytes);

        Assert.Equal(expected, decoded.Encoding.ToString());
        Assert.True(Arabic == decoded.Text, label);
    }

    [Fact]
    public void BytesThatAreNotValidUtf8AreReadAsWindows1256()
    {
        // 0xC7 0xE1 is "ال" in Windows-1256 and an invalid sequence in UTF-8.
        var decoded = TextDecoder.Open(new byte[] { 0xC7, 0xE1, 0xCF, 0xE6, 0xCD, 0xC9 });

        Assert.Equal(TextEncodingKind.Windows1256, decoded.Encoding);
        Assert.Equal("الدوحة", decoded.Text);
        Assert.Equal("windows-1256", decoded.Charset);
    }

    [Fact]
    public void AsciiIsUtf8() => Assert.Equal(TextEncodingKind.Utf8, TextDecoder.Open("Doha"u8.ToArray()).Encoding);

    [Theory]
    [InlineData("plain Arabic text", "الدوحة وطهران", false)]
    [InlineData("tabs and line breaks are text", "سطر\tأول\r\nسطر ثان\n", false)]
    [InlineData("a NUL among many characters is a stray", "الدوحة وطهران في مجال الاقتصاد الرقمي والتكنولوجيا، مبينا أن زيارته للدوحة كانت خطوة ايجابية للمزيد من التنسيق\0", false)]
    [InlineData("NULs between letters are binary", "a\0b\0c\0d\0", true)]
    [InlineData("other control bytes are binary", "\u0001\u0002\u0003\u0004data", true)]
    [InlineData("empty text is not binary", "", false)]
    public void LooksBinaryWhenControlCharactersAreMoreThanAStray(string label, string text, bool expected) =>
        Assert.True(expected == TextDecoder.LooksBinary(text), label);

    [Theory]
    [InlineData("a UTF-16 blob is checked on its characters, not its bytes", "utf-16le", false)]
    [InlineData("a Windows-1256 blob is checked on its bytes", "windows-1256", false)]
    [InlineData("NULs in UTF-16 are still found", "utf-16le-nuls", true)]
    public void BinaryCheckLooksAtCharactersWhateverTheEncoding(string label, string encoding, bool expected)
    {
        const string text = "الدوحة وطهران في مجال الاقتصاد الرقمي";
        byte[] bytes = encoding switch
        {
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16le-nuls" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("\0\0\0\0" + text)],
            _ => Encoding.GetEncoding(1256).GetBytes(text),
        };

        Assert.True(expected == TextDecoder.LooksBinary(TextDecoder.Open(bytes)), label);
    }

    [Theory]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x7B }, '{')]
    [InlineData(new byte[] { 0xC2, 0xA0, 0x5B }, '[')] // UTF-8 no-break space
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x0D, 0x0A, 0x7B }, '{')] // after a BOM
    [InlineData(new byte[] { 0xD9, 0x82 }, '\uFFFD')] // a non-ASCII letter
    [InlineData(new byte[] { 0xA0, 0xC7, 0xE1 }, '\uFFFD')] // Windows-1256 no-break space, then a letter
    [InlineData(new byte[] { 0xFF, 0xFE, 0x20, 0x00, 0x7B, 0x00 }, '{')] // UTF-16 LE
    [InlineData(new byte[] { 0x20, 0x0A }, null)]
    [InlineData(new byte[0], null)]
    public void FirstSignificantCharSkipsWhiteSpace(byte[] bytes, char? expected) =>
        Assert.Equal(expected, TextDecoder.Open(bytes).FirstSignificantChar());
}
