namespace Mrfi.Core.Configuration;

/// <summary>Reads the detail tree: <c>[layers."name"]</c> tables, one per module, each with its own <c>[[…activation]]</c>,
/// <c>[[…activation_out]]</c>, <c>[[…weight]]</c> and <c>[[…observe]]</c> entries (what `dotnet mrfi expand` writes).</summary>
internal static class DetailTree
{
    public static readonly string[] Targets = ["activation", "activation_out", "weight"];

    public static void Read(ConfigTable root, List<FaultEntrySection> faults, List<ObserveSection> observers, Problems problems)
    {
        if (root.Table("layers") is not { } layers) return;
        foreach (var name in layers.Keys.ToList())
        {
            var layer = problems.Try(() => layers.Table(name));
            if (layer is null) continue;
            var filter = ModuleFilter.Exactly(name, layer.String("type"), layer.Location);
            foreach (var target in Targets)
            {
                var entries = problems.Try(() => layer.Tables(target)) ?? [];
                for (int i = 0; i < entries.Count; i++)
                {
                    int index = i;
                    string fallback = $"layers.{name}.{target}[{index}]";
                    if (problems.Try(() => ConfigReader.ReadFault(entries[index], index, filter, target, fallback)) is { } entry)
                        faults.Add(entry);
                }
            }
            foreach (var t in problems.Try(() => layer.Tables("observe")) ?? [])
                if (problems.Try(() => ConfigReader.ReadObserve(t, 0, filter)) is { } o) observers.Add(o);
            problems.Try(layer.RejectUnknownKeys);
        }
    }
}
