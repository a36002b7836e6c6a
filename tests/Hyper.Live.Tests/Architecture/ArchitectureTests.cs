namespace Hyper.Live.Tests.Architecture;

/// <summary>
/// Keeps the layering of <c>src/Hyper.Live</c> true: each folder may use only the folders listed
/// for it (see docs/architecture.md). Data flows from the socket down to the templates; nothing
/// below knows what sits above it, so no two folders depend on each other.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Protocol"] = [],
        ["Templates"] = ["Protocol"],
        ["Diffing"] = ["Protocol", "Templates"],
        ["PubSub"] = [],
        ["State"] = [],
        ["Parameters"] = ["Templates"],
        ["Uploads"] = ["Protocol", "Templates"],
        ["Views"] = ["Templates", "Parameters", "PubSub", "Uploads", "State"],
        ["RateLimiting"] = ["Views", "Configuration", "Diagnostics"],
        ["Events"] = ["Templates", "Parameters", "Views", "Diagnostics", "RateLimiting"],
        ["Configuration"] = ["Templates", "Views"],
        ["Routing"] = ["Views", "Configuration"],
        ["Security"] = ["Protocol", "Views", "Configuration", "Routing"],
        ["Diagnostics"] = ["Views", "Configuration"],
        ["Persistence"] = ["Views", "Configuration"],
        ["Sessions"] = ["Protocol", "Templates", "Diffing", "PubSub", "Parameters", "Views", "Events", "Routing", "Security", "Diagnostics", "Configuration", "RateLimiting", "Uploads", "Persistence", "State"],
        ["Sockets"] = ["Protocol", "Sessions", "Uploads", "Security", "Diagnostics", "Configuration", "RateLimiting"],
        ["Transports"] = ["Protocol", "Sockets", "Sessions", "Security", "Diagnostics", "Configuration", "RateLimiting"],
        ["Hosting"] = ["Protocol", "Templates", "Diffing", "PubSub", "Parameters", "Views", "Events", "Routing", "Security", "Diagnostics", "Configuration", "Sessions", "Sockets", "Transports", "RateLimiting", "Uploads", "Persistence", "State"],
        ["Client"] = [],
    };

    [Fact]
    public void Every_folder_uses_only_the_folders_below_it()
    {
        var forbidden = FolderDependencies.Read().Where(d => !IsAllowed(d)).Select(d => $"{d.From} -> {d.To}: {d.Example}").ToList();

        Assert.True(forbidden.Count == 0, "Forbidden folder dependencies:\n" + string.Join('\n', forbidden));
    }

    [Fact]
    public void Every_folder_is_placed_in_the_layering()
    {
        var folders = Directory.EnumerateDirectories(FolderDependencies.SourceRoot)
            .Select(Path.GetFileName)
            .Where(name => name is not ("obj" or "bin"))
            .ToList();

        Assert.All(folders, folder => Assert.True(Allowed.ContainsKey(folder!), $"src/Hyper.Live/{folder} is not in ArchitectureTests.Allowed"));
    }

    [Fact]
    public void A_forbidden_using_fails_the_check()
    {
        var intruder = Path.Combine(FolderDependencies.SourceRoot, "Templates", "Intruder.cs");
        var dependencies = FolderDependencies.Read([(intruder, "using Hyper.Live.Sessions;\nnamespace Hyper.Live.Templates;\ninternal static class Intruder { }")]);

        var templatesToSessions = Assert.Single(dependencies, d => d is { From: "Templates", To: "Sessions" });
        Assert.False(IsAllowed(templatesToSessions));
        Assert.Contains("using Hyper.Live.Sessions", templatesToSessions.Example, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_reference_across_folders_is_seen_without_a_using()
    {
        // LiveView lives in namespace Hyper.Live (no using needed), in the Views folder.
        var intruder = Path.Combine(FolderDependencies.SourceRoot, "Protocol", "Intruder.cs");
        var dependencies = FolderDependencies.Read([(intruder, "namespace Hyper.Live.Protocol;\ninternal static class Intruder { public static LiveView? View; }")]);

        Assert.Contains(dependencies, d => d is { From: "Protocol", To: "Views" });
    }

    private static bool IsAllowed(Dependency dependency) =>
        Allowed.TryGetValue(dependency.From, out var allowed) && allowed.Contains(dependency.To, StringComparer.Ordinal);
}
