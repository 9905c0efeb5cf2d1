using static TorchSharp.torch;

namespace Mrfi.Core.Models;

/// <summary>A model whose injection sites are named and typed otherwise than by its TorchSharp module tree (an imported
/// graph: site <c>layer1.0.conv1</c> of op type <c>Conv</c>, registered as <c>layer1_0_conv1</c>).</summary>
internal interface ISiteNaming
{
    /// <summary>The sites in execution order, by display name.</summary>
    IReadOnlyList<(string Name, nn.Module Module)> Sites { get; }

    /// <summary>The type shown for a site (inspect, expand); null when the module is not one of the sites.</summary>
    string? TypeName(nn.Module module);

    /// <summary>Whether <c>module_type = <paramref name="type"/></c> selects the site (op type or an equivalent PyTorch name).</summary>
    bool IsType(nn.Module module, string type, bool substring);
}
