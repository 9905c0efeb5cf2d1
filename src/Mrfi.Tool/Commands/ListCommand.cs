using Mrfi.Core;
using Mrfi.Core.Components;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi list</c>: every component with its parameters, defaults and a one-line description.</summary>
internal sealed class ListCommand(IAnsiConsole console) : Command<ListSettings>
{
    private static readonly Dictionary<string, ComponentKind> KindNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["quantizer"] = ComponentKind.Quantizer, ["selector"] = ComponentKind.Selector, ["error_model"] = ComponentKind.ErrorModel,
        ["observer"] = ComponentKind.Observer, ["model"] = ComponentKind.Model, ["models"] = ComponentKind.Model,
        ["dataset"] = ComponentKind.Dataset,
    };

    public override int Execute(CommandContext context, ListSettings settings, CancellationToken cancellationToken) =>
        UserErrors.Guard(console, () => List(settings));

    private int List(ListSettings settings)
    {
        var catalog = settings.Config is { } config ? ToolCatalog.CatalogFor(config) : ComponentCatalog.BuiltIn;
        if (settings.Markdown)
        {
            string markdown = ComponentDocs.Markdown(catalog);
            if (settings.Into is { } file)
            {
                if (!File.Exists(file))
                    { console.MarkupLineInterpolated($"[red]{new Core.Diagnostic($"{file} not found")}[/]"); return RunCommand.UserError; }
                File.WriteAllText(file, ComponentDocs.Splice(File.ReadAllText(file), markdown));
                console.WriteLine($"updated {file}");
            }
            else console.Profile.Out.Writer.Write(markdown);
            return 0;
        }

        ComponentKind? only = null;
        if (settings.Kind is { } k)
        {
            if (!KindNames.TryGetValue(k, out var kind))
            {
                console.MarkupLineInterpolated(
                    $"[red]{new Core.Diagnostic($"unknown kind '{k}'. {NameSuggester.Hint(k, [.. KindNames.Keys])}")}[/]");
                return RunCommand.UserError;
            }
            only = kind;
        }
        foreach (var group in ComponentDocs.All(catalog).Where(c => only is null || c.Kind == only).GroupBy(c => c.Kind))
        {
            var table = new Table().Border(TableBorder.Simple)
                .Title(Markup.Escape(ComponentDocs.Title(group.Key).Replace("`", "", StringComparison.Ordinal)));
            table.AddColumns("name", "origin", "parameters", "what it does");
            foreach (var c in group)
            {
                string name = c.Aliases.Count == 0 ? c.Name : $"{c.Name}\n(alias {string.Join(", ", c.Aliases)})";
                string parameters = c.Parameters.Count == 0 ? "-" : string.Join("\n", c.Parameters.Select(p => p.ToString()));
                table.AddRow(Cells.Of(name, c.Origin, parameters, c.Summary));
            }
            console.Write(table);
        }
        if (only is null or ComponentKind.Model) OnnxOperatorsTable.Write(console);
        return 0;
    }
}
