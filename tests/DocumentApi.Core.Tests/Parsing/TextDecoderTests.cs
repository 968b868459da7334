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
        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal(expected, decoded.Encoding.ToString());
        Assert.True(Arabic == decoded.Text, label);
    }

    [Fact]
    public void BytesThatAreNotValidUtf8AreReadAsWindows1256()
    {
        // 0xC7 0xE1 is "ال" in Windows-1256 and an invalid sequence in UTF-8.
        var decoded = TextDecoder.Decode([0xC7, 0xE1, 0xCF, 0xE6, 0xCD, 0xC9]);

        Assert.Equal(TextEncodingKind.Windows1256, decoded.Encoding);
        Assert.Equal("الدوحة", decoded.Text);
        Assert.Equal("windows-1256", decoded.Charset);
    }

    [Fact]
    public void AsciiIsUtf8() => Assert.Equal(TextEncodingKind.Utf8, TextDecoder.Decode("Doha"u8).Encoding);

    [Theory]
    [InlineData("plain Arabic text", "الدوحة وطهران", false)]
    [InlineData("tabs and line breaks are text", "سطر\tأول\r\nسطر ثان\n", false)]
    [InlineData("a NUL among many characters is a stray", "الدوحة وطهران في مجال الاقتصاد الرقمي والتكنولوجيا، مبينا أن زيارته للدوحة كانت خطوة ايجابية للمزيد من التنسيق\0", false)]
    [InlineData("NULs between letters are binary", "a\0b\0c\0d\0", true)]
    [InlineData("other control bytes are binary", "\u0001\u0002\u0003\u0004data", true)]
    [InlineData("empty text is not binary", "", false)]
    public void LooksBinaryWhenControlCharactersAreMoreThanAStray(string label, string text, bool expected) =>
        Assert.True(expected == TextDecoder.LooksBinary(text), label);
}
