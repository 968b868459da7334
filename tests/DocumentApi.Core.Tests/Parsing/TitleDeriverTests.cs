using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class TitleDeriverTests
{
    [Theory]
    [InlineData("وجرى خلال اللقاء بحث عدد من المسائل ذات الاهتمام المشترك. وحضر اللقاء وزير الدولة.", "وجرى خلال اللقاء بحث عدد من المسائل ذات الاهتمام المشترك")] // first sentence, stop dropped
    [InlineData("هل أصبحت الانترنت ساحة للخلافات؟ الرسالة واضحة.", "هل أصبحت الانترنت ساحة للخلافات؟")] // question mark kept
    [InlineData("بحضور وزير التعليم د. عزام بن محمد الدخيل. ووكلاء الوزارة.", "بحضور وزير التعليم د. عزام بن محمد الدخيل")] // an abbreviation is not a sentence end
    [InlineData("صحيفة يونانية: 1.5 مليون يورو قيمة التعاقد", "صحيفة يونانية: 1.5 مليون يورو قيمة التعاقد")] // a decimal point is not one either
    [InlineData("بأكملها.وقد أصبحت هذه التجربة ركيزة", "بأكملها.وقد أصبحت هذه التجربة ركيزة")] // nor a stop without a space after it
    [InlineData("تم التجاوب", "تم التجاوب")]
    [InlineData("", "")]
    public void TitleIsTheFirstSentence(string paragraph, string expected) => Assert.Equal(expected, TitleDeriver.Derive(paragraph));

    [Fact]
    public void LongSentenceIsCutAtAWordBoundaryWithinTheLimit()
    {
        // Seed 003's first sentence, after its dateline.
        const string paragraph = "يُعد المؤتمر العالمي لتنمية الاتصالات لعام 2025 (WTDC-25)، الذي انطلق اليوم الاثنين باستضافة جمهورية أذربيجان، حدثا مستمرا ومتخصصا لكثير من الدول، وهو منصة لتبادل الآراء الفنية والتقنية.";

        var title = TitleDeriver.Derive(paragraph);

        Assert.Equal("يُعد المؤتمر العالمي لتنمية الاتصالات لعام 2025 (WTDC-25)، الذي انطلق اليوم الاثنين باستضافة جمهورية أذربيجان، حدثا", title);
        Assert.True(title.Length <= TitleDeriver.MaxLength);
        Assert.StartsWith(title + " ", paragraph, StringComparison.Ordinal);
    }

    [Fact]
    public void TrailingCommaIsDroppedAfterTheCut()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("كلمة،", 40));

        var title = TitleDeriver.Derive(paragraph);

        Assert.True(title.Length <= TitleDeriver.MaxLength);
        Assert.EndsWith("كلمة", title, StringComparison.Ordinal);
    }

    [Fact]
    public void OneWordLongerThanTheLimitIsCutInside()
    {
        var title = TitleDeriver.Derive(new string('ب', 300));

        Assert.Equal(TitleDeriver.MaxLength, title.Length);
    }
}
