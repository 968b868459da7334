using System.Text;
using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class JsonGuardTests
{
    [Theory]
    [InlineData("[{\"content\": \"نص\"}]", 2)] // SaudiNewsNet: an array of objects
    [InlineData("{\"content\": \"نص\"}", 1)]
    [InlineData("[[[1]]]", 3)]
    [InlineData("\"نص\"", 1)] // a lone value has no nesting at all
    public void JsonWithinTheDepthLimitPasses(string json, int maxDepth) =>
        Assert.Null(JsonGuard.Check(Encoding.UTF8.GetBytes(json), maxDepth));

    [Theory]
    [InlineData("[[[1]]]", 2, "The JSON is nested deeper than the limit of 2 levels (line 1, byte 3).")]
    [InlineData("[\n  {\"a\": {\"b\": 1}}\n]", 2, "The JSON is nested deeper than the limit of 2 levels (line 2, byte 9).")]
    public void JsonDeeperThanTheLimitIsRefusedWithItsPosition(string json, int maxDepth, string expected) =>
        Assert.Equal(expected, JsonGuard.Check(Encoding.UTF8.GetBytes(json), maxDepth));

    [Theory]
    [InlineData("[{\"title\": \"نص\",}]", "The blob is not valid JSON: the first error is at line 1, byte 19.")] // trailing comma: the error is the closing brace
    [InlineData("[\n  {\"title\": \"نص\"}\n  {\"title\": \"آخر\"}\n]", "The blob is not valid JSON: the first error is at line 3, byte 3.")] // missing comma
    [InlineData("{\"content\": \"لم ينته", "The blob is not valid JSON: the first error is at line 1, byte 27.")] // truncated: the error is just past the end
    public void InvalidJsonIsRefusedWithWhereTheErrorIs(string json, string expected) =>
        Assert.Equal(expected, JsonGuard.Check(Encoding.UTF8.GetBytes(json), 32));
}
