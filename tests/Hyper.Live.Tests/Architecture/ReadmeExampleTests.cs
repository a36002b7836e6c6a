using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hyper.Live.Tests.Architecture;

/// <summary>The README's first example is what a newcomer types first: it must compile as written.</summary>
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public void The_first_example_compiles_with_using_Hyper_Live_alone()
    {
        var readme = File.ReadAllText(Path.Combine(FolderDependencies.SourceRoot, "..", "..", "README.md"));
        var example = CSharpBlock().Match(readme).Groups[1].Value;
        Assert.Contains("using Hyper.Live;", example, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"using Hyper\.Live\.", example);

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => !Path.GetFileName(path).StartsWith("Hyper.Live", StringComparison.Ordinal))
            .Append(typeof(LiveView).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "ReadmeExample",
            [CSharpSyntaxTree.ParseText(example)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        using var output = new MemoryStream();
        var result = compilation.Emit(output);

        Assert.True(result.Success, string.Join('\n', result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
