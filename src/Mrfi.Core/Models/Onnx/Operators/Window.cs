namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>The sliding-window attributes shared by Conv, ConvTranspose and the pools: kernel, strides, dilations, and the
/// padding (explicit <c>pads</c>, or <c>auto_pad</c> resolved against the input size at run time).</summary>
internal sealed record Window(long[] Kernel, long[] Strides, long[] Dilations, long[] Begin, long[] End, string AutoPad)
{
    /// <summary>Reads the attributes of a node whose kernel has <paramref name="kernel"/>'s spatial size.</summary>
    public static Window Read(OnnxNodeContext node, long[] kernel, bool dilations = true)
    {
        int n = kernel.Length;
        if (node.Ints("kernel_shape") is { } declared && !declared.SequenceEqual(kernel))
            throw node.Refuse($"kernel_shape [{string.Join(",", declared)}] differs from the weight's [{string.Join(",", kernel)}]");
        long[] strides = node.Ints("strides") ?? Ones(n);
        long[] dil = dilations ? node.Ints("dilations") ?? Ones(n) : Ones(n);
        long[] pads = node.Ints("pads") ?? new long[2 * n];
        string autoPad = node.String("auto_pad", "NOTSET")!;
        if (strides.Length != n || dil.Length != n || pads.Length != 2 * n)
            throw node.Refuse($"strides, dilations and pads must have {n}, {n} and {2 * n} values for a {n}-D kernel");
        if (autoPad is not ("NOTSET" or "VALID" or "SAME_UPPER" or "SAME_LOWER"))
            throw node.Refuse($"auto_pad = {autoPad} is not an ONNX value");
        if (autoPad != "NOTSET") pads = new long[2 * n];
        return new Window(kernel, strides, dil, pads[..n], pads[n..], autoPad);
    }

    /// <summary>Whether the padding is fixed and the same on both sides of every axis.</summary>
    public bool Symmetric => AutoPad is "NOTSET" or "VALID" && Begin.SequenceEqual(End);

    /// <summary>The begin and end padding for an input of spatial size <paramref name="size"/> (SAME_* computed here).</summary>
    public (long[] Begin, long[] End) PadsFor(ReadOnlySpan<long> size)
    {
        if (AutoPad is not ("SAME_UPPER" or "SAME_LOWER")) return (Begin, End);
        var begin = new long[Kernel.Length];
        var end = new long[Kernel.Length];
        for (int i = 0; i < Kernel.Length; i++)
        {
            long output = (size[i] + Strides[i] - 1) / Strides[i];
            long total = Math.Max(0, (output - 1) * Strides[i] + (Kernel[i] - 1) * Dilations[i] + 1 - size[i]);
            long small = total / 2;
            (begin[i], end[i]) = AutoPad == "SAME_UPPER" ? (small, total - small) : (total - small, small);
        }
        return (begin, end);
    }

    /// <summary>Padding in torch's <c>pad</c> order: last axis first, begin then end.</summary>
    public static long[] TorchOrder(long[] begin, long[] end)
    {
        var pad = new long[2 * begin.Length];
        for (int i = 0; i < begin.Length; i++)
        {
            pad[2 * i] = begin[begin.Length - 1 - i];
            pad[2 * i + 1] = end[begin.Length - 1 - i];
        }
        return pad;
    }

    private static long[] Ones(int n) => [.. Enumerable.Repeat(1L, n)];
}
