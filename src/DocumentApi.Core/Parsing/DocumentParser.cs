using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using DocumentApi.Core.Documents;

namespace DocumentApi.Core.Parsing;

/// <summary>
/// Turns a blob's bytes into documents. Never throws for bad input: a blob that cannot be parsed yields one
/// document with <see cref="DocumentStatus.Failed"/> and a reason.
/// </summary>
public sealed class DocumentParser(ParserOptions options)
{
    public ParserOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Parses a blob. The result has at least one document.</summary>
    public ImmutableArray<Document> Parse(string blobName, ReadOnlyMemory<byte> content, string? contentType)
    {
        // Placeholder until the real parser lands: one document with the UTF-8 text as its only paragraph.
        _ = Options.MaxSizeBytes;
        var hash = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var text = Encoding.UTF8.GetString(content.Span);
        var sections = ImmutableArray.Create(new Section(null, [new Paragraph(text)]));
        return
        [
            new Document
            {
                Id = DocumentId.For(blobName),
                BlobName = blobName,
                ContentHash = hash,
                ContentType = contentType ?? "text/plain; charset=utf-8",
                SizeBytes = content.Length,
                Sections = sections,
                Text = Document.ComposeText(sections),
            },
        ];
    }
}
