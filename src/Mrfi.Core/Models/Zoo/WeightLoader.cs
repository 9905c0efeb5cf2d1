using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Mrfi.Core.Models;

/// <summary>Loads a state dict from safetensors or a PyTorch <c>torch.save(state_dict)</c> file into a module, strictly.</summary>
public static class WeightLoader
{
    /// <summary>Loads <paramref name="path"/> into <paramref name="model"/>; every key must match by name and shape.</summary>
    /// <exception cref="MrfiException">Missing file, unreadable format, missing/unexpected keys or a shape mismatch, each naming the tensor.</exception>
    public static void Load(nn.Module model, string path, SourceLocation? where = null)
    {
        string prefix = where is { } w ? $"{w}: error: " : "error: ";
        if (!File.Exists(path)) throw new MrfiException($"{prefix}weights file not found: {Path.GetFullPath(path)}");
        var loaded = Read(path, prefix);
        try
        {
            var expected = model.state_dict();
            var problems = new List<string>();
            foreach (var key in expected.Keys.Where(k => !loaded.ContainsKey(k)))
                problems.Add($"missing tensor '{key}' (shape [{string.Join(",", expected[key].shape)}])");
            foreach (var key in loaded.Keys.Where(k => !expected.ContainsKey(k)))
                problems.Add($"unexpected tensor '{key}' (shape [{string.Join(",", loaded[key].shape)}]); the model has: {string.Join(", ", expected.Keys)}");
            foreach (var key in expected.Keys.Where(loaded.ContainsKey))
            {
                if (!expected[key].shape.SequenceEqual(loaded[key].shape))
                    problems.Add($"tensor '{key}' has shape [{string.Join(",", loaded[key].shape)}] in the file but the model needs [{string.Join(",", expected[key].shape)}]");
            }
            if (problems.Count > 0)
                throw new MrfiException($"{prefix}{Path.GetFileName(path)} does not fit model {model.GetName()}: {string.Join("; ", problems)}");

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

    private static Dictionary<string, Tensor> Read(string path, string prefix)
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
            throw new MrfiException($"{prefix}cannot read weights from {path}: {e.Message}. Expected a .safetensors file or a PyTorch torch.save(state_dict) file (.pt/.pth).", e);
        }
    }
}
