namespace Mrfi.Tests;

/// <summary>Paths inside the repository and the shared data folder beside it.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Assets => Path.Combine(Root, "examples", "assets");

    public static string Asset(string name) => Path.Combine(Assets, name);

    /// <summary>../shared/data beside the checkout (developers and CI have it; users do not).</summary>
    public static string? SharedData
    {
        get
        {
            string path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
            return Directory.Exists(path) ? path : null;
        }
    }

    public static string TempFolder(string name)
    {
        string path = Path.Combine(Path.GetTempPath(), "mrfi-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mrfi.Tool.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (Mrfi.Tool.sln) above " + AppContext.BaseDirectory);
    }
}
