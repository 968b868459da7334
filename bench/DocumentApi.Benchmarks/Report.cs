using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocumentApi.Benchmarks;

/// <summary>One reported number: what was measured, in which unit, over how many runs.</summary>
public sealed record Figure(string Section, string Name, string Unit, Summary Value, string? Note = null);

/// <summary>A target from the issue and whether this run met it.</summary>
public sealed record TargetCheck(string Target, string Measured, bool? Met, string? Note = null);

public sealed record MachineInfo(
    int ProcessorCount,
    double MemoryGiB,
    string Runtime,
    string Os,
    string Architecture,
    string GcMode)
{
    public static MachineInfo Current()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return new MachineInfo(
            Environment.ProcessorCount,
            Math.Round(memory, 1),
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription,
            RuntimeInformation.ProcessArchitecture.ToString(),
            System.Runtime.GCSettings.IsServerGC ? "server" : "workstation");
    }
}

/// <summary>Everything one run found; written as JSON and as Markdown.</summary>
public sealed class BenchmarkReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public required DateTimeOffset StartedAt { get; init; }

    public required MachineInfo Machine { get; init; }

    public required string Mode { get; init; }

    public required int Articles { get; init; }

    public required int Repetitions { get; init; }

    public double? TotalSeconds { get; set; }

    public List<Figure> Figures { get; } = [];

    public List<TargetCheck> Targets { get; } = [];

    /// <summary>Breakdowns, per-category numbers and anything else a reader may want to dig into.</summary>
    public Dictionary<string, object> Details { get; } = new(StringComparer.Ordinal);

    public List<string> Notes { get; } = [];

    public Figure Add(string section, string name, string unit, IEnumerable<double> runs, string? note = null)
    {
        var figure = new Figure(section, name, unit, Summary.Of(runs), note);
        Figures.Add(figure);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {section} | {name}: {Format(figure.Value.Median)} {unit} (min {Format(figure.Value.Min)}, max {Format(figure.Value.Max)})"));
        return figure;
    }

    public Summary? Find(string section, string name, string? unit = null) =>
        Figures.LastOrDefault(f => f.Section == section && f.Name == name && (unit is null || f.Unit == unit))?.Value;

    public async Task WriteJsonAsync(string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, this, JsonOptions, cancellationToken);
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var total = TotalSeconds is { } seconds ? string.Create(CultureInfo.InvariantCulture, $", {seconds:F0} s in all") : "";
        md.AppendLine(CultureInfo.InvariantCulture, $"Run of {StartedAt:yyyy-MM-dd HH:mm} UTC, {Mode}, {Articles:N0} articles, {Repetitions} repetitions per figure{total}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine.ProcessorCount} cores, {Machine.MemoryGiB} GiB, {Machine.Runtime}, {Machine.Os} {Machine.Architecture}, {Machine.GcMode} GC.");
        md.AppendLine();
        md.AppendLine("| section | figure | min | median | max | unit |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | --- |");
        foreach (var f in Figures)
        {
            var name = f.Note is null ? f.Name : $"{f.Name} ({f.Note})";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Section} | {name} | {Format(f.Value.Min)} | {Format(f.Value.Median)} | {Format(f.Value.Max)} | {f.Unit} |");
        }

        if (Targets.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("| target | measured (median) | met |");
            md.AppendLine("| --- | --- | --- |");
            foreach (var t in Targets)
            {
                var met = t.Met switch { true => "yes", false => "**no**", null => "not measured" };
                var measured = t.Note is null ? t.Measured : $"{t.Measured}; {t.Note}";
                md.AppendLine(CultureInfo.InvariantCulture, $"| {t.Target} | {measured} | {met} |");
            }
        }

        if (Notes.Count > 0)
        {
            md.AppendLine();
            foreach (var note in Notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        return md.ToString();
    }

    public static string Format(double value) => value switch
    {
        double.NaN => "–",
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("F0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("F1", CultureInfo.InvariantCulture),
        _ => value.ToString("F2", CultureInfo.InvariantCulture),
    };
}
