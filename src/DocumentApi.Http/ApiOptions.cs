namespace DocumentApi.Http;

/// <summary>Settings of the HTTP API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// When set, the standalone server requires this key in <c>x-functions-key</c> or <c>code</c>, as the Functions
    /// host does with its function keys. Health stays anonymous.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Secret for signing continuation tokens, shared by every instance. When empty, a key is derived from the
    /// storage settings so that instances of one deployment agree without configuration.
    /// </summary>
    public string? ContinuationTokenKey { get; set; }
}
