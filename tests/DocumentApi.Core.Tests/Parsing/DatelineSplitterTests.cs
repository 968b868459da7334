using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class DatelineSplitterTests
{
    [Theory]
    [InlineData("إيران تلكس - يُعد المؤتمر العالمي لتنمية الاتصالات لعام 2025 (WTDC-25)، الذي انطلق اليوم.", "إيران تلكس", "يُعد المؤتمر العالمي لتنمية الاتصالات لعام 2025 (WTDC-25)، الذي انطلق اليوم.")] // seed 003
    [InlineData("الرياض – أعلنت وزارة التعليم موعد بدء الدراسة.", "الرياض", "أعلنت وزارة التعليم موعد بدء الدراسة.")] // en dash
    [InlineData("جدة (واس) — استقبل خادم الحرمين الشريفين الرئيس.", "جدة (واس)", "استقبل خادم الحرمين الشريفين الرئيس.")] // em dash, agency in brackets
    [InlineData("الرياض ـ أعلنت وزارة التعليم موعد بدء الدراسة.", "الرياض", "أعلنت وزارة التعليم موعد بدء الدراسة.")] // tatweel as a dash
    [InlineData("سبق - الرياض: تغلب فريق الهلال الأول لكرة القدم.", "سبق - الرياض", "تغلب فريق الهلال الأول لكرة القدم.")] // sabq: place and colon
    [InlineData("واس - عمان :صدر اليوم بيان مشترك.", "واس - عمان", "صدر اليوم بيان مشترك.")]
    [InlineData("واس - مكة المكرمة : أدانت الأمانة العامة.", "واس - مكة المكرمة", "أدانت الأمانة العامة.")]
    public void LeadingDatelineIsSplitOffTheFirstLine(string line, string dateline, string rest)
    {
        List<string> lines = [line, "فقرة ثانية."];

        Assert.Equal(dateline, DatelineSplitter.Split(lines));
        Assert.Equal([rest, "فقرة ثانية."], lines);
    }

    [Theory]
    [InlineData("سلوى سعد – متابعات", "سلوى سعد – متابعات")] // 3alyoum
    [InlineData("حائل - بشير الرشيدي:", "حائل - بشير الرشيدي")] // aljazirah: the colon goes
    [InlineData("بريدة، تقرير - منصور الجفن", "بريدة، تقرير - منصور الجفن")]
    [InlineData("محمود وهبي ـ جدة", "محمود وهبي ـ جدة")] // arreyadi: tatweel as a dash
    public void BylineOnItsOwnLineIsTheWholeDateline(string line, string dateline)
    {
        List<string> lines = [line, "كشفت إحدى الصحف اليونانية عن القيمة الحقيقة لانتقال اللاعب."];

        Assert.Equal(dateline, DatelineSplitter.Split(lines));
        Assert.Equal(["كشفت إحدى الصحف اليونانية عن القيمة الحقيقة لانتقال اللاعب."], lines);
    }

    [Theory]
    [InlineData("يُعد المؤتمر العالمي لتنمية الاتصالات لعام 2025 (WTDC-25) حدثا مستمرا.")] // a hyphen inside a word
    [InlineData("أكد سعادة السيد محمد جواد جهرمي وزير الاتصالات وتكنولوجيا المعلومات الإيراني - في حوار - أن هناك فرصا.")] // dash too far in
    [InlineData("قال الوزير، في بيان - إن الاجتماع انتهى.")] // punctuation before the dash: a sentence, not a place
    [InlineData("2015 - 2016 كان عاما صعبا.")] // no letters before the dash
    [InlineData("◄ الرياض - ما هي نتائج الزيارة؟")] // a question
    [InlineData("1- المرونة الرقمية: تحويل الأزمة")] // a numbered heading
    [InlineData("تمكنت - بفضل الله تعالى - عشر فرق إطفاء من السيطرة على الحريق.")] // an aside in dashes (alweeam)
    [InlineData("وصل - بحفظ الله ورعايته - خادم الحرمين الشريفين إلى طنجة.")] // the same (alriyadh)
    [InlineData("أدت اتفاقية سايكس - بيكو قبل مائة عام إلى تقاسم المنطقة.")] // a compound name after three words (aawsat)
    [InlineData("في عام 1988 م - 1408 ه، كنا لتونا قد أنهينا اختبارات الثانوية.")] // a sentence opening (alriyadh)
    [InlineData("رئيس الوزراء الإسرائيلي - بنيامين نتنياهو")] // a caption line: too many words on one side
    [InlineData("نثريات الخميس - 24")] // a column number: no letters after the dash
    [InlineData("انطلاق «هافينغتون بوست ـ عربي» اليوم")] // a headline with quotes
    [InlineData("الملك عبدالعزيز - رحمة الله -")] // two dashes
    [InlineData("الرياض -")] // a dash that ends the line
    [InlineData("أ -")]
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
