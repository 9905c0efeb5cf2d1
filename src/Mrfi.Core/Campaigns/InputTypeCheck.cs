using Mrfi.Core.Data;
using Mrfi.Core.Planning;
using TorchSharp;

namespace Mrfi.Core.Campaigns;

/// <summary>Checks that a model takes the data's element type before any campaign work: inputs from a tensor file may be
/// integers (token ids) or bytes, which a float model rejects deep inside a forward.</summary>
internal static class InputTypeCheck
{
    /// <summary>For inputs other than float32: one forward of the first sample; a rejection becomes a user error at [data].</summary>
    public static void Check(CampaignPlan plan, ImageDataset data)
    {
        if (data.Images.dtype == torch.ScalarType.Float32 || data.Count == 0) return;
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        try
        {
            plan.Model.call(data.Images.narrow(0, 0, 1));
        }
        catch (Exception e) when (e is System.Runtime.InteropServices.ExternalException or ArgumentException or InvalidOperationException)
        {
            string first = e.Message.Split('\n')[0];
            throw MrfiException.At(plan.Config.Data.Location,
                $"model {plan.ModelName} cannot take [data]'s {data.Images.dtype} inputs [{string.Join(",", data.Images.shape)}]: " +
                $"{first}; write the input with the element type the model takes (float32 for mrfi's built-in architectures: " +
                $"array.astype(numpy.float32))");
        }
    }
}
