using Mrfi.Core.Injection;
using Mrfi.Core.Observers;
using TorchSharp;
using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Planning;

/// <summary>Runs one batch through a model with shape observers on every module: what `inspect` and `plan` show.</summary>
public static class ModelProbe
{
    /// <summary>Every module with parameter and activation shapes for <paramref name="batch"/>.</summary>
    public static IReadOnlyList<LayerShapes> Shapes(nn.Module<Tensor, Tensor> model, Tensor batch)
    {
        var modules = ModuleMatcher.All(model);
        var bindings = modules.Where(m => m.Module is nn.Module<Tensor, Tensor>)
            .SelectMany(m => new[]
            {
                new ObserverBinding("Shape", m.Name, ObservePosition.Pre, new ShapeObserver()),
                new ObserverBinding("Shape", m.Name, ObservePosition.After, new ShapeObserver()),
            }).ToList();
        HashSet<ObserverBinding> ran;
        using (var session = new FaultInjectionSession(model, [], bindings))
        using (torch.no_grad())
        using (torch.NewDisposeScope())
        {
            model.call(batch);
            ran = [.. bindings.Where(session.Saw)];
        }
        // A module the forward never calls has no activation shapes.
        long[]? ShapeOf(string name, ObservePosition position)
        {
            var binding = bindings.FirstOrDefault(b => b.Module == name && b.Position == position);
            var shape = binding is not null && ran.Contains(binding) ? binding.Observer.Result().Select(r => (long)r.Value).ToArray()
                : null;
            return shape is { Length: > 0 } ? shape : null;
        }
        return [.. modules.Select((m, i) => new LayerShapes(i - 1, m.Name, ModuleMatcher.TypeName(model, m.Module),
            [.. m.Module.named_parameters(recurse: false).Select(p => (p.name, p.parameter.shape))],
            ShapeOf(m.Name, ObservePosition.Pre), ShapeOf(m.Name, ObservePosition.After)))];
    }
}
