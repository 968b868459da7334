using System.Text;

namespace DocumentApi.Storage.Tests.Support;

/// <summary>Long Arabic text for size tests: real words, shuffled deterministically so it does not compress away.</summary>
internal static class ArabicText
{
    private static readonly string[] Vocabulary =
    [
        "أعلنت", "وزارة", "الصحة", "السعودية", "اليوم", "عن", "تسجيل", "حالات", "جديدة", "في", "مدينة", "الرياض",
        "وقال", "المتحدث", "الرسمي", "إن", "الفرق", "الميدانية", "تعمل", "على", "مدار", "الساعة", "لمتابعة", "المستجدات",
        "الاقتصاد", "النفط", "الأسواق", "المالية", "ارتفعت", "أسعار", "الذهب", "بنسبة", "خلال", "تعاملات", "الأسبوع",
        "مؤتمر", "صحفي", "الأمير", "مجلس", "الشورى", "قرار", "مشروع", "التعليم", "الجامعة", "الطلاب", "المملكة",
        "جدة", "مكة", "المكرمة", "الحجاج", "موسم", "الصيف", "درجات", "الحرارة", "ملعب", "الهلال", "النصر", "مباراة",
    ];

    public static string Words(int count, int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(count * 7);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            var word = Vocabulary[random.Next(Vocabulary.Length)];
            builder.Append(word);

            // A random letter suffix keeps gzip from shrinking the text to nothing.
            builder.Append((char)('\u0628' + random.Next(20)));
        }

        return builder.ToString();
    }
}
