using DocumentApi.Core.Documents;

namespace DocumentApi.Core.Parsing;

/// <summary>
/// Names the language of a text from the script of its letters: <c>ar</c> when more than half the letters are
/// Arabic script, <c>en</c> when more than half are Latin, <c>und</c> otherwise (no letters, or another script
/// leads, or no script has a majority). Digits, punctuation and marks do not count.
/// </summary>
/// <remarks>
/// This is a script test, not a language model: Persian or Urdu text would be <c>ar</c>, French <c>en</c>. For an
/// Arabic news corpus with English captions and acronyms that is the useful distinction (which analyser to use).
/// </remarks>
internal sealed class LanguageDetector
{
    private long _arabic;
    private long _latin;
    private long _other;

    public static string Detect(params ReadOnlySpan<string?> texts)
    {
        var detector = new LanguageDetector();
        foreach (var text in texts)
        {
            detector.Add(text);
        }

        return detector.Result;
    }

    public string Result
    {
        get
        {
            var letters = _arabic + _latin + _other;
            return letters == 0 ? DocumentLanguage.Undetermined
                : _arabic * 2 > letters ? DocumentLanguage.Arabic
                : _latin * 2 > letters ? DocumentLanguage.English
                : DocumentLanguage.Undetermined;
        }
    }

    public void Add(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c))
            {
                _latin++;
            }
            else if (c < '\u00C0')
            {
                // ASCII digits, punctuation and the Latin-1 symbols: not letters of any script.
            }
            else if (ArabicLetters.IsArabicScriptLetter(c))
            {
                _arabic++;
            }
            else if (char.IsLetter(c))
            {
                if (c <= '\u024F' || c is >= '\u1E00' and <= '\u1EFF')
                {
                    _latin++;
                }
                else
                {
                    _other++;
                }
            }
        }
    }
}
