using Mrfi.Core.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Models;

[TestClass]
public sealed class ZooHookTests
{
    /// <summary>Hooks every module of <paramref name="names"/>, keeping the output tensor itself and a copy made when the hook ran;
    /// returns how many kept outputs no longer equal their copy after the forward.</summary>
    private static (int Seen, int Changed) KeepOutputs(nn.Module<Tensor, Tensor> model, Tensor input, params string[] names)
    {
        var kept = new List<(Tensor Output, Tensor Copy)>();
        var modules = model.named_modules().Where(m => names.Contains(m.name)).Select(m => (nn.Module<Tensor, Tensor>)m.module).ToList();
        Assert.HasCount(names.Length, modules);
        var hooks = modules.Select(m => m.register_forward_hook((_, _, output) =>
        {
            kept.Add((output.alias().DetachFromDisposeScope(), output.clone().DetachFromDisposeScope()));
            return output;
        })).ToList();
        using (no_grad()) model.call(input).Dispose();
        foreach (var h in hooks) h.remove();
        int changed = kept.Count(k => !k.Output.eq(k.Copy).all().item<bool>());
        foreach (var (o, c) in kept) { o.Dispose(); c.Dispose(); }
        return (kept.Count, changed);
    }

    [TestMethod]
    public void ResNet18_leaves_the_outputs_that_hooks_keep_unchanged()
    {
        using var model = new ResNet18(imageSize: 32, width: 8);
        model.eval();
        using var x = randn(2, 3, 32, 32);
        // bn2 feeds the residual add, relu2's output feeds the next block and its shortcut; one call per module and forward.
        var (seen, changed) = KeepOutputs(model, x, "bn1", "layer1.0.bn2", "layer1.0.bn1", "layer2.0.downsample.1", "layer1.0.relu1",
            "layer1.0.relu2", "layer4.1.conv2");
        Assert.AreEqual(7, seen, "every hook fired, inside Sequential and BasicBlock too");
        Assert.AreEqual(0, changed);
    }

    [TestMethod]
    public void Torchvision_ResNet18_changes_kept_outputs_in_place_which_is_why_ours_does_not_use_it()
    {
        // The check above can fail: torchvision's in-place ReLU and add_ rewrite BatchNorm outputs after the hook ran.
        using var model = torchvision.models.resnet18(num_classes: 10);
        model.eval();
        using var x = randn(1, 3, 64, 64);
        var (seen, changed) = KeepOutputs(model, x, "bn1", "layer1.0.bn2");
        Assert.AreEqual(2, seen);
        Assert.AreEqual(2, changed);
    }

    [TestMethod]
    public void Hooks_fire_on_modules_inside_VGG_feature_stack()
    {
        using var model = new VGG16(imageSize: 32, width: 4);
        model.eval();
        using var x = randn(1, 3, 32, 32);
        var (seen, changed) = KeepOutputs(model, x, "features.0", "features.1", "features.28", "classifier.6");
        Assert.AreEqual(4, seen);
        Assert.AreEqual(0, changed);
    }
}
