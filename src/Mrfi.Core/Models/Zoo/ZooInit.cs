using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mrfi.Core.Models;

/// <summary>torchvision's weight initialisation for VGG and ResNet, drawn from torch's default generator (which the engine
/// seeds), so untrained models have realistic activation scales.</summary>
internal static class ZooInit
{
    /// <summary>Convolutions: Kaiming-normal (fan-out, ReLU), bias 0; BatchNorm: γ = 1, β = 0; Linear: normal(0,
    /// <paramref name="linearStd"/>)
    /// with bias 0 as torchvision's VGG, or PyTorch's default when null (torchvision's ResNet keeps it).</summary>
    public static void Apply(nn.Module model, double? linearStd)
    {
        using var noGrad = no_grad();
        foreach (var (_, module) in model.named_modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    nn.init.kaiming_normal_(conv.weight!, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
                    if (conv.bias is { } b) nn.init.zeros_(b);
                    break;
                case BatchNorm2d bn:
                    nn.init.ones_(bn.weight!);
                    nn.init.zeros_(bn.bias!);
                    break;
                case Linear linear when linearStd is { } std:
                    nn.init.normal_(linear.weight!, 0, std);
                    if (linear.bias is { } lb) nn.init.zeros_(lb);
                    break;
            }
        }
    }
}
