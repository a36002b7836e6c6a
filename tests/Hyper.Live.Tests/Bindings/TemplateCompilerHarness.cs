using Hyper.Live.Templates;

namespace Hyper.Live.Tests.Bindings;

/// <summary>Compiles literal gaps directly, for templates C# would not let a test write as an interpolated string.</summary>
internal static class TemplateCompilerHarness
{
    public static CompiledTemplate Compile(string?[] gaps) => TemplateCompiler.Compile(gaps, new bool[gaps.Length - 1], source: null);
}
