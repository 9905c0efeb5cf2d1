using System.Xml.Linq;

namespace Mrfi.Core.Tests.Architecture;

/// <summary>What a project file says about its place in the project graph: the projects it references (its own and those
/// of the .props files it imports from the repository) and the assemblies it shows its internals to.</summary>
internal static class ProjectReferences
{
    /// <summary>The names (file name without .csproj) of the projects <paramref name="csproj"/> references.</summary>
    public static IReadOnlyList<string> Of(string csproj) =>
        [.. Files(csproj).SelectMany(f => Items(f, "ProjectReference")).Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .Order(StringComparer.Ordinal)];

    /// <summary>The assembly names in the project's InternalsVisibleTo items.</summary>
    public static IReadOnlyList<string> InternalsVisibleTo(string csproj) => [.. Items(csproj, "InternalsVisibleTo")];

    /// <summary>The assembly the project builds: its AssemblyName, else its file name.</summary>
    public static string AssemblyName(string csproj) =>
        XDocument.Load(csproj).Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(csproj);

    private static IEnumerable<string> Files(string csproj)
    {
        yield return csproj;
        string dir = Path.GetDirectoryName(csproj)!;
        foreach (var import in XDocument.Load(csproj).Descendants("Import"))
        {
            string path = import.Attribute("Project")!.Value.Replace("$(MSBuildThisFileDirectory)", dir + "/", StringComparison.Ordinal);
            if (!path.Contains("$(", StringComparison.Ordinal)) yield return Path.GetFullPath(Path.Combine(dir, path));
        }
    }

    private static IEnumerable<string> Items(string file, string item)
    {
        string dir = Path.GetDirectoryName(file)!;
        return XDocument.Load(file).Descendants(item).Select(e => e.Attribute("Include")!.Value
            .Replace("$(MSBuildThisFileDirectory)", dir + "/", StringComparison.Ordinal));
    }
}
