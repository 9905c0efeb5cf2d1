using PublicApiGenerator;

namespace Mrfi.Core.Tests.Api;

/// <summary>Mrfi.Abstractions is the plugin contract and follows SemVer: its public API is frozen in an approved file, so a
/// change to it is a deliberate act that also decides the next version.</summary>
[TestClass]
public sealed class PublicApiTests
{
    private static string Approved => Path.Combine(Repo.Root, "tests", "Mrfi.Core.Tests", "Api", "Mrfi.Abstractions.approved.txt");

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    [TestMethod]
    public void The_public_API_of_Mrfi_Abstractions_matches_the_approved_file()
    {
        string api = typeof(IErrorModel).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        if (Normalize(api) == Normalize(File.ReadAllText(Approved))) return;
        string received = Approved.Replace(".approved.txt", ".received.txt", StringComparison.Ordinal);
        File.WriteAllText(received, api);
        Assert.Fail($"The plugin contract changed; the new API is in {received}. Removing or changing a member breaks plugins " +
            "(a major version in Directory.Build.props), adding one is a minor version. When the change is intended, copy it over the " +
            "approved file.");
    }
}
