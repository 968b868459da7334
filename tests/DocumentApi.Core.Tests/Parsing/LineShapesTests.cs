using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class LineShapesTests
{
    [Theory]
    [InlineData("هناك حصار لكانت الأرقام أضعافا مضاعفة.", true)]
    [InlineData("مما يبرز أن قادة قطر لهم عزم وحرص في المستقبل لاستخدام الذكاء الاصطناعي..", true)] // double stop
    [InlineData("ما هي صحة هذه الأخبار؟", true)] // Arabic question mark
    [InlineData("ما مدى تجاوب ايران مع هذه المحادثات?", true)]
    [InlineData("يا له من يوم!", true)]
    [InlineData("أن المساعدات العسكرية الجديدة المقدمة لأوكرانيا …", true)] // ellipsis
    [InlineData("لتحقيق الاستقرار العالمي».", true)]
    [InlineData("قال: «هذا هو الأساس.»", true)] // full stop inside the closing guillemet
    [InlineData("من متجرها الإلكتروني “آبل ستور”.", true)]
    [InlineData("نحن نعيش في عصر الاقتصاد الرقمي وهو مجال حيوي ومهم والبلد الذي يملك", false)] // wrapped mid-sentence
    [InlineData("مركز الابداعات القطرية التقنية ولاحظت تطور قطر في استخدام الذكاء الاصطناعي،", false)] // Arabic comma
    [InlineData("وقال الوزير:", false)] // a colon introduces, it does not end
    [InlineData("سردية جديدة؛", false)] // Arabic semicolon
    [InlineData("تحقق 2.5", false)]
    [InlineData("", false)]
    public void EndsSentenceOnlyAtTerminalPunctuation(string line, bool expected) =>
        Assert.Equal(expected, LineShapes.EndsSentence(line));

    [Theory]
    [InlineData("الاقتصاد الرقمي", true)]
    [InlineData("غطاء دفاعي", true)]
    [InlineData("خدمات سحابية داخلية", true)]
    [InlineData("Digital economy", true)]
    [InlineData("هذه التقنيات يملك المستقبل.", false)] // a sentence
    [InlineData("نحن نعيش في عصر الاقتصاد الرقمي وهو مجال حيوي ومهم والبلد الذي يملك", false)] // too many words
    [InlineData("الأسباب:", false)] // introduces a list
    [InlineData("◄ ما هي نتائج الزيارة", false)] // a question
    [InlineData("1 1587347", false)] // no letters
    [InlineData("jehat5@yahoo.com", false)] // a columnist's address
    [InlineData("www.alriyadh.com", false)]
    [InlineData("", false)]
    public void IsHeadingForAFewUnpunctuatedWords(string line, bool expected) =>
        Assert.Equal(expected, LineShapes.IsHeading(line));

    [Theory]
    [InlineData("1- المرونة الرقمية: تحويل الأزمة الى رأسمال استراتيجي", true)]
    [InlineData("2- الدبلوماسية التقنية: ضرورة وجود إيران قوية في عالمٍ مترابط", true)]
    [InlineData("12) محاور المؤتمر", true)]
    [InlineData("٣. مفاوضات مكثفة", true)] // Arabic-Indic digit
    [InlineData("3 – مفاوضات مكثفة", true)] // en dash after a space
    [InlineData("1- هذه جملة كاملة وليست عنوانا.", false)] // ends a sentence
    [InlineData("2015 - عام التحول", false)] // a year, not a number of a heading
    [InlineData("1 1587347", false)]
    [InlineData("المرونة الرقمية", false)]
    [InlineData("", false)]
    public void IsNumberedHeadingForANumberThenATitle(string line, bool expected) =>
        Assert.Equal(expected, LineShapes.IsNumberedHeading(line));

    [Theory]
    [InlineData("◄ ما هي نتائج الزيارة؟", "ما هي نتائج الزيارة؟")]
    [InlineData("◄\u00A0 كيف تؤمن إيران أهدافها؟", "كيف تؤمن إيران أهدافها؟")]
    [InlineData("◄", "")]
    public void QuestionMarkerAndItsSpacesAreStripped(string line, string expected)
    {
        Assert.True(LineShapes.IsQuestion(line));
        Assert.Equal(expected, LineShapes.StripQuestionMarker(TextLines.Tidy(line)));
    }

    [Theory]
    [InlineData("1 1587347", true)]
    [InlineData("١٢٣", true)]
    [InlineData("- 42 -", true)]
    [InlineData("مونديال 2022", false)]
    [InlineData("...", false)]
    [InlineData("", false)]
    public void IsStrayNumberForDigitsWithoutLetters(string line, bool expected) =>
        Assert.Equal(expected, LineShapes.IsStrayNumber(line));
}
