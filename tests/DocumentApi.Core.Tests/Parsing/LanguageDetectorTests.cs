using DocumentApi.Core.Documents;
using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("وزير الاتصالات الإيراني: طهران ترحب بجهود قطر", DocumentLanguage.Arabic)]
    [InlineData("Iranian Minister of Information and Communications Technology", DocumentLanguage.English)]
    [InlineData("يُعد المؤتمر العالمي لتنمية الاتصالات لعام 2025 (WTDC-25)", DocumentLanguage.Arabic)] // Arabic with a Latin acronym
    [InlineData("The WTDC-25 conference opened in Baku (مؤتمر باكو)", DocumentLanguage.English)] // English with an Arabic gloss
    [InlineData("Conférence à Bakou, ça démarre", DocumentLanguage.English)] // Latin script with accents counts as Latin
    [InlineData("ﻭﺯﻳﺮ ﺍﻻﺗﺼﺎﻻﺕ", DocumentLanguage.Arabic)] // presentation forms
    [InlineData("Москва и Баку", DocumentLanguage.Undetermined)] // another script leads
    [InlineData("abc ابت", DocumentLanguage.Undetermined)] // no majority
    [InlineData("2025 - 12 / 13", DocumentLanguage.Undetermined)] // digits only
    [InlineData("ًٌٍَُِّْ", DocumentLanguage.Undetermined)] // diacritics only
    [InlineData("ــــ", DocumentLanguage.Undetermined)] // tatweel only
    [InlineData("", DocumentLanguage.Undetermined)]
    public void LanguageIsTheMajorityScriptOfTheLetters(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Fact]
    public void LanguageCountsEveryTextGiven() =>
        Assert.Equal(DocumentLanguage.Arabic, LanguageDetector.Detect("Doha", "الدوحة وطهران", null));
}
