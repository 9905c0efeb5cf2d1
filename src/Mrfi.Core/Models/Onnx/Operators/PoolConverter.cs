using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>MaxPool and AveragePool over 1 to 3 spatial axes. Padding that torch's pools cannot express (asymmetric,
/// SAME, or over half the kernel) is explicit −∞ padding for MaxPool and is refused for AveragePool.</summary>
[OnnxOperator("MaxPool")]
[OnnxOperator("AveragePool")]
internal sealed class PoolConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        long[] kernel = node.Ints("kernel_shape") ?? throw node.Refuse("kernel_shape is required");
        if (kernel.Length is < 1 or > 3) throw node.Refuse($"a {kernel.Length}-D pool is not supported");
        bool max = node.OpType == "MaxPool";
        var window = Window.Read(node, kernel, dilations: max);
        bool ceil = node.Int("ceil_mode", 0) != 0;
        if (node.OutputCount > 1 && node.HasOutput(1)) throw node.Refuse("the Indices output is not supported");
        if (max && node.Int("storage_order", 0) != 0) throw node.Refuse("storage_order = 1 is not supported");
        bool implicitPads = window.Symmetric && window.Begin.Zip(kernel).All(p => p.First * 2 <= p.Second);
        if (!max)
        {
            bool includePad = node.Int("count_include_pad", 0) != 0;
            if (kernel.Length == 3) throw node.Refuse("a 3-D AveragePool is not supported");
            if (!implicitPads && ceil) throw node.Refuse("ceil_mode with asymmetric or SAME padding is not supported");
            return LambdaNode.Unary("AveragePool",
                x => implicitPads ? Average(x, window, ceil, includePad) : PaddedAverage(x, window, includePad));
        }
        if (ceil && !implicitPads) throw node.Refuse("ceil_mode with asymmetric or SAME padding is not supported");
        return LambdaNode.Unary("MaxPool", x => Max(x, window, ceil, implicitPads));
    }

    private static Tensor Average(Tensor x, Window w, bool ceil, bool includePad) => w.Kernel.Length == 1
        ? nn.functional.avg_pool2d(x.unsqueeze(2), [1, w.Kernel[0]], [1, w.Strides[0]], [0, w.Begin[0]], ceil, includePad).squeeze(2)
        : nn.functional.avg_pool2d(x, w.Kernel, w.Strides, w.Begin, ceil, includePad);

    // Padding torch's pool cannot take: pad with zeros, average, and (count_include_pad = 0) divide by the share of real values.
    private static Tensor PaddedAverage(Tensor x, Window w, bool includePad)
    {
        var (begin, end) = w.PadsFor(x.shape.AsSpan(2));
        long[] pads = Window.TorchOrder(begin, end);
        var unpadded = w with { Begin = new long[w.Kernel.Length], End = new long[w.Kernel.Length], AutoPad = "NOTSET" };
        var mean = Average(nn.functional.pad(x, pads), unpadded, false, true);
        if (includePad) return mean;
        using var ones = torch.ones([1, 1, .. x.shape[2..]], x.dtype);
        using var share = Average(nn.functional.pad(ones, pads), unpadded, false, true);
        return mean / share;
    }

    private static Tensor Max(Tensor x, Window w, bool ceil, bool implicitPads)
    {
        long[] pads = w.Begin;
        if (!implicitPads)
        {
            var (begin, end) = w.PadsFor(x.shape.AsSpan(2));
            x = nn.functional.pad(x, Window.TorchOrder(begin, end), PaddingModes.Constant, double.NegativeInfinity);
            pads = new long[w.Kernel.Length];
        }
        return w.Kernel.Length switch
        {
            1 => nn.functional.max_pool2d(x.unsqueeze(2), [1, w.Kernel[0]], [1, w.Strides[0]], [0, pads[0]], [1, w.Dilations[0]], ceil)
                .squeeze(2),
            2 => nn.functional.max_pool2d(x, w.Kernel, w.Strides, pads, w.Dilations, ceil),
            _ => nn.functional.max_pool3d(x, w.Kernel, w.Strides, pads, w.Dilations, ceil),
        };
    }
}
