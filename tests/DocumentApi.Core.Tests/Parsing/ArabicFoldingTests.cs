using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class ArabicFoldingTests
{
    [Theory]
    [InlineData("اقرأ أيضاً", "اقرا ايضا")] // hamza on alef, tanween
    [InlineData("اقرأ ايضاً", "اقرا ايضا")] // seed 000's spelling
    [InlineData("إقرأ أيضًا:", "اقرا ايضا")] // hamza below, tanween before alef, colon
    [InlineData("«اقرأ  أيضا»", "اقرا ايضا")] // quotes, double space
    [InlineData("آمنة", "امنه")] // alef madda, teh marbuta
    [InlineData("مستشفى", "مستشفي")] // alef maksura
    [InlineData("مسؤول", "مسوول")] // waw with hamza
    [InlineData("رئيس", "رييس")] // yeh with hamza
    [InlineData("فارسی", "فارسي")] // Farsi yeh
    [InlineData("مـــرحبا", "مرحبا")] // tatweel
    [InlineData("مُحَمَّد", "محمد")] // harakat
    [InlineData("Leave a Reply", "Leave a Reply")] // Latin untouched
    [InlineData("", "")]
    [InlineData("ً ّ", "")] // diacritics only
    public void FoldRemovesSpellingVariantsForMatching(string text, string expected) =>
        Assert.Equal(expected, ArabicFolding.Fold(text));
}
