using DocumentApi.Search.Querying;

namespace DocumentApi.Search.Tests.Querying;

public class UserQueryParserTests
{
    /// <summary>Parts shown as text: words as-is, phrases in quotes, exclusions with a leading minus, joined by " | ".</summary>
    [Theory]
    [InlineData("مدرسة الرياض", "مدرسة الرياض")]
    [InlineData("\"مدرسة الرياض\"", "\"مدرسة الرياض\"")]
    [InlineData("مدرسة -الرياض", "مدرسة | -الرياض")]
    [InlineData("مدرسة -\"مدرسة الرياض\"", "مدرسة | -\"مدرسة الرياض\"")]
    [InlineData("أ \"ب ج\" د", "أ د | \"ب ج\"")]
    // An unclosed quote runs to the end
    [InlineData("مدرسة \"الرياض جدة", "مدرسة | \"الرياض جدة\"")]
    [InlineData("\"", "\"\"")]
    // A minus inside a word or alone is text
    [InlineData("e-mail", "e-mail")]
    [InlineData("- مدرسة", "- مدرسة")]
    // Lucene syntax is text
    [InlineData("title:x a* b~ /re/ (c) AND \\", "title:x a* b~ /re/ (c) AND \\")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void ParseRecognisesOnlyPhrasesAndExclusions(string query, string expected)
    {
        var shown = UserQueryParser.Parse(query).Select(p =>
            (p.IsExcluded ? "-" : "") + (p.IsPhrase ? $"\"{p.Text}\"" : p.Text));
        Assert.Equal(expected, string.Join(" | ", shown));
    }
}
