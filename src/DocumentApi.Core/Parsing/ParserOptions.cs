using System.ComponentModel.DataAnnotations;

namespace DocumentApi.Core.Parsing;

/// <summary>Limits that protect the parser from hostile or accidental input.</summary>
public sealed class ParserOptions
{
    public const string SectionName = "Parser";

    /// <summary>Blobs larger than this are recorded as failed without being decoded. Default 16 MiB.</summary>
    [Range(1, int.MaxValue)]
    public int MaxSizeBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>JSON nested deeper than this is rejected. SaudiNewsNet needs 2.</summary>
    [Range(1, 256)]
    public int MaxJsonDepth { get; set; } = 32;
}
