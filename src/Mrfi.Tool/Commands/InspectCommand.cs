using Mrfi.Core;
using Mrfi.Core.Components;
using Mrfi.Core.Campaigns;
using Mrfi.Core.Configuration;
using Mrfi.Core.Planning;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi inspect</c>: the module tree with index, type, parameter shapes and activation shapes for one batch —
/// what a user needs to write module_name, module_type and module_index.</summary>
internal sealed class InspectCommand(IAnsiConsole console) : Command<InspectSettings>
{
    public override int Execute(CommandContext context, InspectSettings settings,
        CancellationToken cancellationToken) => UserErrors.Guard(console, () =>
    {
        var (model, batch, title) = settings.Model is { } name ? FromName(name) : FromConfig(settings.Config, settings.Options);
        using (model)
        using (batch)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumns("index", "module", "type", "parameters", "input", "output");
            foreach (var layer in ModelProbe.Shapes(model, batch))
            {
                string parameters = layer.Parameters.Count == 0 ? ""
                    : string.Join("\n", layer.Parameters.Select(p => $"{p.Name} [{string.Join(",", p.Shape)}]"));
                table.AddRow(Cells.Of(layer.Index < 0 ? "" : layer.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ValidateCommand.Display(layer.Name), layer.Type,
                    parameters, Shape(layer.Input), Shape(layer.Output)));
            }
            console.WriteLine(title);
            console.Write(table);
            WriteOutputs(model, batch);
        }
        return 0;
    });

    // The model's row shows several graph outputs packed side by side into one [N, Σ k_i] tensor (what the engine compares);
    // a user choosing what to look at needs each output on its own.
    private void WriteOutputs(nn.Module<Tensor, Tensor> model, Tensor batch)
    {
        var outputs = Mrfi.Core.Models.Onnx.OnnxImport.Outputs(model, batch);
        if (outputs.Count == 0) return;
        var table = new Table().Border(TableBorder.Simple).AddColumns("output", "shape", "type");
        foreach (var (name, shape, type) in outputs)
            table.AddRow(Cells.Of(name, Shape(shape), type.ToString().ToLowerInvariant()));
        console.WriteLine(outputs.Count == 1 ? "graph output:"
            : $"{outputs.Count} graph outputs, in graph order (the model's row above shows them packed side by side):");
        console.Write(table);
    }

    private static string Shape(long[]? shape) => shape is null ? "-" : $"[{string.Join(",", shape)}]";

    private static (nn.Module<Tensor, Tensor>, Tensor, string) FromName(string name)
    {
        if (name.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
            return Mrfi.Core.Models.Onnx.OnnxImport.LoadWithInput(name, $"--model {name}");
        var catalog = ComponentCatalog.BuiltIn;
        if (!catalog.TryFind(ComponentKind.Model, name, out var type))
            throw new MrfiException($"unknown model '{name}'. {NameSuggester.Hint(name, catalog.Names(ComponentKind.Model))}");
        var ctor = type.GetConstructors().First(c => c.GetParameters().All(p => p.HasDefaultValue));
        var model = (nn.Module<Tensor, Tensor>)ctor.Invoke([.. ctor.GetParameters().Select(p => p.DefaultValue)]);
        model.eval();
        long[] shape = [1, .. ((IImageClassifier)model).InputShape];
        return (model, torch.zeros(shape), $"{name} with default arguments, one input of shape [{string.Join(",", shape)}]");
    }

    private static (nn.Module<Tensor, Tensor>, Tensor, string) FromConfig(string path, LoadOptions options)
    {
        // Only [model] and [data] matter here: a half-written fault entry must not stop a user from looking at the model.
        var problems = new Problems();
        var plan = ToolCatalog.LoadLenient(path, problems, options)?.Plan;
        if (plan is null || (problems.Any && plan.Config.Data is { Images: null, Files.Count: 0, Synthetic: null, Folder: null }
            && plan.Dataset is null))
        {
            plan?.Model.Dispose();
            problems.ThrowIfAny();
        }
        using var data = CampaignRunner.LoadData(plan!);
        var batch = data.Images.narrow(0, 0, Math.Min(plan!.Config.Run.BatchSize, data.Count)).clone();
        string note = problems.Any ? $" ({problems.Messages.Count} problem(s) in the fault entries: run `dotnet mrfi validate`)" : "";
        return (plan.Model, batch, $"{Path.GetFileName(path)}: {plan.ModelName}, one batch of shape " +
            $"[{string.Join(",", batch.shape)}]{note}");
    }
}
