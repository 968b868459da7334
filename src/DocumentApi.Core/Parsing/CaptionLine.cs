namespace DocumentApi.Core.Parsing;

/// <summary>
/// The image caption line of the seed format: <c>caption *** Local Caption *** caption</c>, where the CMS wrote the
/// caption twice around its marker. The caption is kept once; when the two halves differ, both are kept, in order,
/// so no text is lost.
/// </summary>
internal static class CaptionLine
{
    public const string Marker = "Local Caption";

    public static bool TryParse(string line, out string caption)
    {
        ArgumentNullException.ThrowIfNull(line);
        caption = "";
        var at = line.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return false;
        }

        var before = line.AsSpan(0, at).TrimEnd(' ');
        var after = line.AsSpan(at + Marker.Length).TrimStart(' ');

        // Only the starred marker counts, so a sentence that mentions "local caption" stays body text.
        if (!before.EndsWith('*') || !after.StartsWith('*'))
        {
            return false;
        }

        var first = TextLines.Tidy(before.TrimEnd('*'));
        var second = TextLines.Tidy(after.TrimStart('*'));
        caption = first.Length == 0 || string.Equals(first, second, StringComparison.Ordinal) ? second
            : second.Length == 0 ? first
            : $"{first} {second}";
        return caption.Length > 0;
    }
}
