using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Reshape with the shape read at run time (it is often computed from the batch size): 0 copies the input's
/// size on that axis (unless <c>allowzero</c>), −1 is inferred.</summary>
[OnnxOperator("Reshape", SinceOpset = 5)]
internal sealed class ReshapeConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        bool allowZero = node.Int("allowzero", 0) != 0;
        return LambdaNode.Of("Reshape", inputs =>
        {
            var x = inputs[0]!;
            long[] shape = inputs[1]!.data<long>().ToArray();
            for (int i = 0; i < shape.Length && !allowZero; i++)
                if (shape[i] == 0) shape[i] = x.shape[i];
            return x.reshape(shape);
        });
    }
}
