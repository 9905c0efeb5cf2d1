using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>The models of scripts/export-onnx-models.py, exported once per test run by Debian's python3-torch into a
/// temporary folder named after the script's hash (so a rerun with an unchanged script reuses them). Without torch the
/// tests that need them are inconclusive, unless MRFI_ONNX_EXPORT_TESTS=1 (set by .ci/run) makes them fail.</summary>
internal static class ExportedModels
{
    private const string Python = "/usr/bin/python3";
    private static readonly Lazy<(string? Folder, string Why)> Exported = new(Export);

    /// <summary>The folder that holds NAME.onnx and models.json; fails or is inconclusive when they cannot be exported.</summary>
    public static string Folder
    {
        get
        {
            var (folder, why) = Exported.Value;
            if (folder is not null) return folder;
            if (Environment.GetEnvironmentVariable("MRFI_ONNX_EXPORT_TESTS") == "1")
                Assert.Fail($"MRFI_ONNX_EXPORT_TESTS=1 but the ONNX models could not be exported: {why}");
            Assert.Inconclusive($"the ONNX models could not be exported ({why}); install Debian's python3-torch and python3-torchvision");
            return "";
        }
    }

    /// <summary>The manifest entry of one model.</summary>
    public static ExportedModel Get(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "models.json")));
        var entry = json.RootElement.GetProperty(name);
        var inputs = entry.GetProperty("inputs").EnumerateArray().Select(i => new ExportedInput(
            i.GetProperty("name").GetString()!,
            i.GetProperty("dtype").GetString()!,
            [.. i.GetProperty("shape").EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Number ? d.GetInt64() : -1)],
            i.TryGetProperty("low", out var low) ? low.GetInt64() : 0,
            i.TryGetProperty("high", out var high) ? high.GetInt64() : 0)).ToList();
        var outputs = entry.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()!).ToList();
        return new ExportedModel(name, Path.Combine(Folder, entry.GetProperty("file").GetString()!), entry.GetProperty("opset").GetInt32(),
            inputs, outputs);
    }

    private static (string?, string) Export()
    {
        string script = Path.Combine(Repo.Root, "scripts", "export-onnx-models.py");
        string hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(script)))[..16];
        string folder = Path.Combine(Path.GetTempPath(), "mrfi-onnx-exports", hash);
        if (File.Exists(Path.Combine(folder, "complete"))) return (folder, "");
        if (!File.Exists(Python)) return (null, $"{Python} does not exist");
        var start = new ProcessStartInfo(Python, [script, folder]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Console.WriteLine(stdout);
        if (process.ExitCode != 0)
            return (null, $"{script} exited with {process.ExitCode}: {string.Join('\n', stderr.Result.Split('\n').TakeLast(5))}");
        File.WriteAllText(Path.Combine(folder, "complete"), stdout);
        return (folder, "");
    }
}

/// <summary>One exported model: its file, opset, inputs and output names.</summary>
internal sealed record ExportedModel(string Name, string Path, int Opset, IReadOnlyList<ExportedInput> Inputs,
    IReadOnlyList<string> Outputs);

/// <summary>One graph input: dtype "float32" or "int64", shape with -1 for the batch, and for integers the range [Low, High).</summary>
internal sealed record ExportedInput(string Name, string Dtype, long[] Shape, long Low, long High);
