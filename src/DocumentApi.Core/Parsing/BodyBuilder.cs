using System.Collections.Immutable;
using System.Text;
using DocumentApi.Core.Documents;

namespace DocumentApi.Core.Parsing;

/// <summary>
/// Turns the tidy body lines of an article into sections of paragraphs.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>A blank line ends a paragraph.</item>
/// <item>A line that ends a sentence (<see cref="LineShapes.EndsSentence"/>) ends its paragraph. A line that does
/// not continues on the next line: that is how hard-wrapped paragraphs are put back together. When in doubt the rule
/// splits: a false paragraph break loses nothing, while a false join would merge two paragraphs.</item>
/// <item>A question line (<c>◄ ...</c>) is a paragraph of its own with <see cref="Paragraph.IsQuestion"/> set and
/// the marker removed; the answer starts on the next line.</item>
/// <item>A numbered heading (<c>1- ...</c>) always starts a section. A plain heading (a few words, no end
/// punctuation) starts one only where a paragraph could start and not right after a question, so neither the short
/// last line of a wrapped paragraph nor a short answer is taken for one.</item>
/// <item>A heading must head something: a heading followed directly by another heading, or by nothing, becomes
/// a paragraph.</item>
/// </list>
/// </remarks>
internal sealed class BodyBuilder
{
    private readonly ImmutableArray<Section>.Builder _sections = ImmutableArray.CreateBuilder<Section>();
    private readonly ImmutableArray<Paragraph>.Builder _paragraphs = ImmutableArray.CreateBuilder<Paragraph>();
    private readonly StringBuilder _paragraph = new();
    private string? _heading;
    private string? _pendingHeading;
    private bool _lastLineWasQuestion;

    private BodyBuilder()
    {
    }

    public static ImmutableArray<Section> Build(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var builder = new BodyBuilder();
        foreach (var line in lines)
        {
            builder.Add(line);
        }

        return builder.Finish();
    }

    private void Add(string line)
    {
        if (line.Length == 0)
        {
            EndParagraph();
            return;
        }

        if (LineShapes.IsQuestion(line))
        {
            EndParagraph();
            var question = LineShapes.StripQuestionMarker(line);
            if (question.Length > 0)
            {
                AddParagraph(new Paragraph(question, IsQuestion: true));
            }

            _lastLineWasQuestion = true;
            return;
        }

        var atParagraphStart = _paragraph.Length == 0;

        // What follows a question is its answer, however short ("نعم بالتأكيد"), never a heading.
        var canBeHeading = atParagraphStart && !_lastLineWasQuestion;
        _lastLineWasQuestion = false;
        if (LineShapes.IsNumberedHeading(line) || (canBeHeading && LineShapes.IsHeading(line)))
        {
            EndParagraph();
            SetHeading(line);
            return;
        }

        if (!atParagraphStart)
        {
            _paragraph.Append(' ');
        }

        _paragraph.Append(line);
        if (LineShapes.EndsSentence(line))
        {
            EndParagraph();
        }
    }

    private ImmutableArray<Section> Finish()
    {
        EndParagraph();
        if (_pendingHeading is { } heading)
        {
            _pendingHeading = null;
            AddParagraph(new Paragraph(heading));
        }

        EndSection();
        return _sections.ToImmutable();
    }

    private void SetHeading(string heading)
    {
        if (_pendingHeading is { } headless)
        {
            // Two headings in a row: the first heads nothing, so it is text.
            _pendingHeading = null;
            AddParagraph(new Paragraph(headless));
        }

        _pendingHeading = heading;
    }

    private void EndParagraph()
    {
        if (_paragraph.Length == 0)
        {
            return;
        }

        var text = _paragraph.ToString();
        _paragraph.Clear();
        AddParagraph(new Paragraph(text));
    }

    private void AddParagraph(Paragraph paragraph)
    {
        if (_pendingHeading is { } heading)
        {
            EndSection();
            _heading = heading;
            _pendingHeading = null;
        }

        _paragraphs.Add(paragraph);
    }

    private void EndSection()
    {
        if (_paragraphs.Count > 0)
        {
            _sections.Add(new Section(_heading, _paragraphs.ToImmutable()));
        }

        _paragraphs.Clear();
        _heading = null;
    }
}
