using System.Reflection;

namespace Hyper.Live.LoadTest;

/// <summary>Paths the build stamped into this assembly (see the project file).</summary>
internal static class BuildInfo
{
    /// <summary>The samples app built in the harness's own configuration.</summary>
    public static string SamplesAssembly => Metadata("SamplesAssembly");

    /// <summary>The repository's root directory.</summary>
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    private static string Metadata(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(attribute => attribute.Key == key).Value!;
}
