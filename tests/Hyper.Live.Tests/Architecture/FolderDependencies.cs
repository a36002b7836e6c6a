using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hyper.Live.Tests.Architecture;

/// <summary>
/// Reads which folder of <c>src/Hyper.Live</c> uses which: every <c>using Hyper.Live.X;</c> and
/// every reference to a type declared in another folder (found with Roslyn's semantic model,
/// so types of the shared <c>Hyper.Live</c> namespace count too).
/// </summary>
internal static class FolderDependencies
{
    /// <summary>The source folder of the core library, found from the test's output folder.</summary>
    public static string SourceRoot { get; } = FindSourceRoot();

    /// <summary>Every folder-to-folder use, each with one place that shows it.</summary>
    public static IReadOnlyList<Dependency> Read(IEnumerable<(string Path, string Text)>? extraFiles = null)
    {
        var files = Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(path => FolderOf(path) is { } folder && folder is not ("obj" or "bin"))
            .Select(path => (Path: path, Text: File.ReadAllText(path)))
            .Concat(extraFiles ?? [])
            .ToList();
        var trees = files.Select(file => CSharpSyntaxTree.ParseText(file.Text, path: file.Path)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, path: "ImplicitUsings.cs"));
        var compilation = CSharpCompilation.Create(
            "Architecture",
            trees,
            FrameworkReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var found = new Dictionary<(string From, string To), Dependency>();
        foreach (var tree in trees)
        {
            if (FolderOf(tree.FilePath) is not { } from)
            {
                continue;
            }

            var root = tree.GetCompilationUnitRoot();
            foreach (var directive in root.DescendantNodes().OfType<UsingDirectiveSyntax>())
            {
                var name = directive.Name?.ToString() ?? "";
                if (name.StartsWith("Hyper.Live.", StringComparison.Ordinal))
                {
                    Add(from, name["Hyper.Live.".Length..].Split('.')[0], tree, directive, $"using {name}");
                }
            }

            var model = compilation.GetSemanticModel(tree);
            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
                while (type?.ContainingType is { } outer)
                {
                    type = outer;
                }

                var declared = type?.DeclaringSyntaxReferences.Select(reference => FolderOf(reference.SyntaxTree.FilePath)).FirstOrDefault(f => f is not null);
                if (declared is not null)
                {
                    Add(from, declared, tree, name, type!.Name);
                }
            }
        }

        return [.. found.Values.OrderBy(d => d.From, StringComparer.Ordinal).ThenBy(d => d.To, StringComparer.Ordinal)];

        void Add(string from, string to, SyntaxTree tree, SyntaxNode node, string what)
        {
            if (from != to && !found.ContainsKey((from, to)))
            {
                var line = tree.GetLineSpan(node.Span).StartLinePosition.Line + 1;
                found[(from, to)] = new Dependency(from, to, $"{Path.GetRelativePath(SourceRoot, tree.FilePath)}:{line} ({what})");
            }
        }
    }

    /// <summary>The top folder of a file under <see cref="SourceRoot"/>, or null for a file elsewhere.</summary>
    private static string? FolderOf(string path)
    {
        var relative = Path.GetRelativePath(SourceRoot, path);
        var parts = relative.Split(Path.DirectorySeparatorChar);
        return parts.Length > 1 && parts[0] != ".." ? parts[0] : null;
    }

    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>The runtime's assemblies, ASP.NET Core's included (this test runs on its shared framework).</summary>
    private static ImmutableArray<MetadataReference> FrameworkReferences() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => !Path.GetFileName(path).StartsWith("Hyper.Live", StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path))];

    private static string FindSourceRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Hyper.Live");
            if (File.Exists(Path.Combine(candidate, "Hyper.Live.csproj")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/Hyper.Live not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Folder <see cref="From"/> uses folder <see cref="To"/>; <see cref="Example"/> is one place that shows it.</summary>
internal sealed record Dependency(string From, string To, string Example);
