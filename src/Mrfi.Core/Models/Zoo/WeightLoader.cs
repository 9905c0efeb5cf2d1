using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Mrfi.Core.Models;

/// <summary>Loads a state dict from safetensors or a PyTorch <c>torch.save(state_dict)</c> file into a module, strictly.</summary>
public static class WeightLoader
{
    /// <summary>Loads <paramref name="path"/> into <paramref name="model"/>; every key must match by name and shape.</summary>
    /// <exception cref="MrfiException">Missing file, unreadable format, missing/unexpected keys or a shape mismatch, each naming the
    /// tensor.</exception>
    public static void Load(nn.Module model, string path, SourceLocation? where = null)
    {
        var site = new DiagnosticSite(where);
        if (Directory.Exists(path)) throw site.Error($"weights {path} is a folder; give the .safetensors or .pt file in it");
        if (!File.Exists(path)) throw site.Error($"weights file not found: {Path.GetFullPath(path)}");
        if (WeightFileFormat.Problem(path) is { } format) throw site.Error(format);
        var loaded = Read(path, site);
        try
        {
            var expected = model.state_dict();
            if (WeightMismatch.Describe(expected, loaded) is { } problem)
                throw site.Error($"{Path.GetFileName(path)} does not fit model {model.GetName()}: {problem}");

            using var noGrad = torch.no_grad();
            foreach (var (key, target) in expected)
            {
                using var source = loaded[key].to(target.dtype, target.device);
                target.copy_(source);
            }
        }
        finally
        {
            foreach (var t in loaded.Values) t.Dispose();
        }
    }

    private static Dictionary<string, Tensor> Read(string path, DiagnosticSite site)
    {
        try
        {
            if (path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
                return Safetensors.LoadStateDict(path);
            using var stream = File.OpenRead(path);
            var dict = PyTorchUnpickler.UnpickleStateDict(stream);
            var result = new Dictionary<string, Tensor>();
            foreach (System.Collections.DictionaryEntry e in dict)
            {
                if (e.Value is Tensor t) result[(string)e.Key] = t;
            }
            return result;
        }
        catch (Exception e) when (e is not MrfiException)
        {
            throw site.Error($"cannot read weights from {path}: {e.Message}. Expected a .safetensors file or a PyTorch " +
                $"torch.save(state_dict) file (.pt/.pth).", e);
        }
    }
}
