using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>A Gather on axis 0 of a constant float table (an embedding): the table is the <c>weight</c> parameter, so
/// weight faults reach embeddings, and the module's one input, the hooked one, is the indices (the node's input 1).</summary>
internal sealed class EmbeddingNode : nn.Module<Tensor, Tensor>
{
    /// <summary>The node input the graph feeds to this module: the indices.</summary>
    public const int IndicesInput = 1;

#pragma warning disable IDE1006 // weight: the parameter name mrfi configs use.
    private readonly Parameter weight;
#pragma warning restore IDE1006

    /// <summary>Takes over the parameter.</summary>
    public EmbeddingNode(Parameter weight) : base("Gather")
    {
        this.weight = weight;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor indices) => GatherConverter.Gather(weight, indices, 0);
}
