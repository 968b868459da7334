namespace DocumentApi.Infra.Tests;

/// <summary>Shapes of the ARM expressions a snapshot leaves for values only Azure knows.</summary>
public static class Arm
{
    /// <summary>True when <paramref name="value"/> is <c>[reference('&lt;resourceId&gt;', '&lt;api&gt;').&lt;property&gt;]</c>.</summary>
    public static bool IsReference(string value, string resourceId, string property) =>
        value.StartsWith($"[reference('{resourceId}', '", StringComparison.Ordinal)
        && value.EndsWith($").{property}]", StringComparison.Ordinal)
        && value.Count(character => character == '[') == 1;
}
