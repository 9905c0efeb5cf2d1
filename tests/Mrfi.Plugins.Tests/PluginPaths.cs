namespace Mrfi.Plugins.Tests;

/// <summary>Where the test plugins were built: the same configuration and RID folders as this test assembly.</summary>
internal static class PluginPaths
{
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;

    private static string Output(string project) =>
        Path.Combine(Repo.Root, project, "bin", Configuration, "net10.0", "linux-x64");

    public static string Fake => Path.Combine(Output("tests/Mrfi.TestPlugins"), "Mrfi.Plugins.Fake.dll");

    public static string SampleFolder => Output("plugins/Mrfi.Plugins.Sample");

    public static string Sample => Path.Combine(SampleFolder, "Mrfi.Plugins.Sample.dll");
}
