namespace Mrfi.Core.Configuration;

/// <summary>[model] output: how a trial's outputs are compared with the golden run's.</summary>
public enum OutputKind
{
    /// <summary>Decided from the float pass: a 2-D [N, C] output with labels is <see cref="Classes"/>, anything else
    /// <see cref="Tensor"/>.</summary>
    Auto,

    /// <summary>[N, classes] logits: accuracy, top-5, SDC = prediction changed.</summary>
    Classes,

    /// <summary>Any other output: SDC = relative deviation from the golden output above [model] tolerance.</summary>
    Tensor,
}
