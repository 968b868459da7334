using System.Text.Json;

namespace DocumentApi.Infra.Tests;

/// <summary>Reads into predicted resources by dotted path, so a missing property fails with its path in the message.</summary>
public static class Json
{
    public static JsonElement At(this JsonElement element, string path)
    {
        var current = element;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out var next))
            {
                throw new Xunit.Sdk.XunitException($"'{path}' is missing from {Name(element)}.");
            }

            current = next;
        }

        return current;
    }

    public static JsonElement? Find(this JsonElement element, string path)
    {
        var current = element;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static string Text(this JsonElement element, string path) =>
        element.At(path) is { ValueKind: JsonValueKind.String } value
            ? value.GetString()!
            : throw new Xunit.Sdk.XunitException($"'{path}' of {Name(element)} is not a string.");

    public static string Name(JsonElement resource) =>
        resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("name", out var name) ? $"{name}" : "the resource";

    public static IReadOnlyList<string> Strings(this JsonElement element, string path) =>
        [.. element.At(path).EnumerateArray().Select(item => item.GetString()!)];
}
