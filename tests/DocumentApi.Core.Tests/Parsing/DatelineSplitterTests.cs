using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class DatelineSplitterTests
{
    [Theory]
    [InlineData("إيران تلكس - يُعد المؤتمر العالمي لتنمية الاتصالات لعام 2025 (WTDC-25)، الذي انطلق اليوم.", "إيران تلكس", "يُعد المؤتمر العالمي لتنمية الاتصالات لعام 2025 (WTDC-25)، الذي انطلق اليوم.")] // seed 003
    [InlineData("الرياض – أعلنت وزارة التعليم موعد بدء الدراسة.", "الرياض", "أعلنت وزارة التعليم موعد بدء الدراسة.")] // en dash
    [InlineData("جدة (واس) — استقبل خادم الحرمين الشريفين الرئيس.", "جدة (واس)", "استقبل خادم الحرمين الشريفين الرئيس.")] // em dash, agency in brackets
    [InlineData("علي ضباح ـ الحد الجنوبي ضرب أهالي منطقة جازان أروع الأمثلة.", "علي ضباح", "الحد الجنوبي ضرب أهالي منطقة جازان أروع الأمثلة.")] // tatweel as a dash
    public void LeadingDatelineIsSplitOffTheFirstLine(string line, string dateline, string rest)
    {
        List<string> lines = [line, "فقرة ثانية."];

        Assert.Equal(dateline, DatelineSplitter.Split(lines));
        Assert.Equal([rest, "فقرة ثانية."], lines);
    }

    [Fact]
    public void BylineOnItsOwnLineIsTheWholeDateline()
    {
        List<string> lines = ["سلوى سعد – متابعات", "كشفت إحدى الصحف اليونانية عن القيمة الحقيقة لانتقال اللاعب."];

        Assert.Equal("سلوى سعد – متابعات", DatelineSplitter.Split(lines));
        Assert.Equal(["كشفت إحدى الصحف اليونانية عن القيمة الحقيقة لانتقال اللاعب."], lines);
    }

    [Theory]
    [InlineData("يُعد المؤتمر العالمي لتنمية الاتصالات لعام 2025 (WTDC-25) حدثا مستمرا.")] // a hyphen inside a word
    [InlineData("أكد سعادة السيد محمد جواد جهرمي وزير الاتصالات وتكنولوجيا المعلومات الإيراني - في حوار - أن هناك فرصا.")] // dash too far in
    [InlineData("قال الوزير، في بيان - إن الاجتماع انتهى.")] // punctuation before the dash: a sentence, not a place
    [InlineData("2015 - 2016 كان عاما صعبا.")] // no letters before the dash
    [InlineData("◄ الرياض - ما هي نتائج الزيارة؟")] // a question
    [InlineData("1- المرونة الرقمية: تحويل الأزمة")] // a numbered heading
    public void LinesWithoutADatelineAreLeftAlone(string line)
    {
        List<string> lines = [line, "فقرة ثانية."];

        Assert.Null(DatelineSplitter.Split(lines));
        Assert.Equal([line, "فقرة ثانية."], lines);
    }

    [Fact]
    public void BylineThatIsTheWholeBodyIsNotRemoved()
    {
        List<string> lines = ["سلوى سعد – متابعات"];

        Assert.Null(DatelineSplitter.Split(lines));
        Assert.Equal(["سلوى سعد – متابعات"], lines);
    }

    [Fact]
    public void LeadingBlankLinesAreSkipped()
    {
        List<string> lines = ["", "الدوحة - أعلنت قطر اليوم."];

        Assert.Equal("الدوحة", DatelineSplitter.Split(lines));
    }
}
