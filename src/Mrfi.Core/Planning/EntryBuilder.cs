using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Injection;

namespace Mrfi.Core.Planning;

/// <summary>Builds one <c>[[fault_inject]]</c> entry's components at every sweep point.</summary>
internal static class EntryBuilder
{
    /// <summary>The entry at each point, on that point's modules (<paramref name="modules"/>[i]). An entry switched off at a point by its
    /// <c>enabled</c> reference needs components
    /// only where it runs: where its arguments do not fit such a point (a float16 bit flip at the points that sweep the
    /// 17 bits of a fixed-point entry), it gets <see cref="OffPointErrorModel"/> there. It must build at one point at
    /// least, so that every entry's arguments are checked.</summary>
    public static IReadOnlyList<FaultEntry> Build(FaultEntrySection section, IReadOnlyList<IReadOnlyList<string>> modules,
        IReadOnlyList<SweepValues> points,
        IReadOnlyList<SweepVariable> sweep, ComponentActivator activator)
    {
        var built = points.Select((values, i) => At(section, modules[i], values, activator)).ToList();
        CheckSomePointEnables(section, built, sweep);
        if (built.Count > 0 && built.All(e => e.ErrorModel is OffPointErrorModel))
            throw ((OffPointErrorModel)built[0].ErrorModel).Problem;
        return built;
    }

    private static FaultEntry At(FaultEntrySection s, IReadOnlyList<string> modules, SweepValues values, ComponentActivator activator)
    {
        bool enabled = s.EnabledReference is { } r ? Enabled(r, s.Name, values) : s.Enabled;
        try
        {
            return Components(s, modules, values, activator, enabled);
        }
        catch (MrfiException e) when (!enabled && s.EnabledReference is not null)
        {
            return new FaultEntry(s.Name, s.Target, modules, s.Parameters, false, null, true, null, new OffPointErrorModel(e))
            {
                Location = s.Location, PerSample = s.PerSample,
            };
        }
    }

    private static FaultEntry Components(FaultEntrySection s, IReadOnlyList<string> modules, SweepValues values,
        ComponentActivator activator, bool enabled)
    {
        IQuantizer? quantizer = null;
        bool layerwise = true;
        if (s.Quantization is { } q)
        {
            layerwise = q.Boolean("layerwise") ?? true;
            quantizer = activator.Create<IQuantizer>(ComponentKind.Quantizer, q, values, "method", "layerwise");
        }
        var error = activator.Create<IErrorModel>(ComponentKind.ErrorModel, s.ErrorModel, values);
        EntryChecks.WidthsAgree(s, quantizer, error);
        var bits = new ValueBits(EntryChecks.BitsPerValue(quantizer, error));
        ISelector? selector = null;
        var scope = SelectorScope.Forward;
        if (s.Selector is { } sel)
        {
            scope = EntryChecks.Scope(sel);
            selector = activator.Create<ISelector>(ComponentKind.Selector, sel, values, activator.Defaults with { Bits = bits }, "method",
                "scope");
        }
        if (s.PerSample && scope != SelectorScope.Forward)
            throw MrfiException.At(s.Selector!.LocationOf("scope"),
                $"{s.Selector.Describe("scope")}: per_sample faults are drawn anew for every sample, so they cannot be permanent; remove " +
                $"scope or per_sample");
        return new FaultEntry(s.Name, s.Target, modules, s.Parameters, enabled, quantizer, layerwise, selector, error, scope)
        {
            Location = s.Location, SelectorLocation = s.Selector?.LocationOf("method"), PerSample = s.PerSample,
        };
    }

    /// <summary><c>enabled = "$on"</c>: on where the number is not 0; with a text variable (<c>enabled = "$format"</c>), on
    /// where its value is the entry's name, so that one text variable switches between entries named after its values.</summary>
    private static bool Enabled(ConfigValue reference, string name, SweepValues values) =>
        reference.Value is string s && SweepExpression.Looks(s)
            ? SweepExpression.Evaluate(s, values, new ValueOrigin(reference.Key, reference.Location)) switch { string text => text == name,
                var number => (double)number != 0 }
            : ArgumentConverter.Convert(reference, typeof(double), values) is double on && on != 0;

    /// <summary>An entry switched by a text variable none of whose values is the entry's name would never run: a typo.</summary>
    private static void CheckSomePointEnables(FaultEntrySection section, IReadOnlyList<FaultEntry> built,
        IReadOnlyList<SweepVariable> sweep)
    {
        if (section.EnabledReference is not { Value: string s } r || built.Any(e => e.Enabled)) return;
        if (sweep.FirstOrDefault(v => v.IsText && s.Trim() == "$" + v.Name) is not { } variable) return;
        throw MrfiException.At(r.Location,
            $"fault entry '{section.Name}': enabled = \"{s}\" switches it on where {variable.Name} is '{section.Name}', " +
            $"but {variable.Name} takes {string.Join(", ", variable.Texts!.Select(t => $"'{t}'"))}; name the entry after one of them. " +
            $"{NameSuggester.Hint(section.Name, variable.Texts!)}");
    }
}
