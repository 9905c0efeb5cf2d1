using Mrfi.Core.Native;

[assembly: DoNotParallelize]

namespace Mrfi.Scripting.Tests;

[TestClass]
public static class AssemblySetup
{
    [AssemblyInitialize]
    public static void Initialize(TestContext _) => TorchNative.EnsureLoaded();
}
