using Mrfi.Core.Components;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Models;

/// <summary>What a model source gets: the config ([model] and the config's folder) and the component activator.</summary>
/// <param name="Config">The campaign config.</param>
/// <param name="Activator">Binds catalog components (built-in and plugin architectures).</param>
internal sealed record ModelRequest(MrfiConfig Config, ComponentActivator Activator)
{
    /// <summary>A path written in the config, resolved against the config's folder.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Config.Path))!, path));
}
