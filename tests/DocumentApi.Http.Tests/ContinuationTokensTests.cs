using System.Text;

namespace DocumentApi.Http.Tests;

public sealed class ContinuationTokensTests
{
    private static readonly ContinuationTokens Tokens = new(ContinuationTokens.DeriveKey("test deployment"));

    [Fact]
    public void AProtectedCursorComesBackUnchangedForTheSameScope()
    {
        var token = Tokens.Protect("1!2!cGs=!3!cms=", "aawsat||");
        Assert.Equal("1!2!cGs=!3!cms=", Tokens.Unprotect(token, "aawsat||"));
    }

    [Fact]
    public void TheTokenDoesNotShowTheCursorInClearText()
    {
        var token = Tokens.Protect("partition-key-and-row-key", "");
        Assert.DoesNotContain("partition-key", token, StringComparison.Ordinal);
    }

    [Fact]
    public void ATokenIsRejectedForOtherFilters() =>
        Assert.Null(Tokens.Unprotect(Tokens.Protect("cursor", "aawsat||"), "okaz||"));

    [Fact]
    public void ATokenSignedWithAnotherKeyIsRejected()
    {
        var other = new ContinuationTokens(ContinuationTokens.DeriveKey("another deployment"));
        Assert.Null(Tokens.Unprotect(other.Protect("cursor", ""), ""));
    }

    [Fact]
    public void EveryOneCharacterEditOfATokenIsRejected()
    {
        var token = Tokens.Protect("cursor-value", "scope");
        for (var i = 0; i < token.Length; i++)
        {
            var edited = new StringBuilder(token);
            edited[i] = edited[i] == 'A' ? 'B' : 'A';
            Assert.Null(Tokens.Unprotect(edited.ToString(), "scope"));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("abc.")]
    [InlineData(".abc")]
    [InlineData("!!!.???")]
    [InlineData("x' or PartitionKey ne '")]
    public void MalformedTokensAreRejectedWithoutThrowing(string token) => Assert.Null(Tokens.Unprotect(token, ""));

    [Fact]
    public void AKeyShorterThan16BytesIsRefused() =>
        Assert.Throws<ArgumentException>(() => new ContinuationTokens(new byte[8]));
}
