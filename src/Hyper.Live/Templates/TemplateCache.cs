using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace Hyper.Live.Templates;

/// <summary>
/// Finds the <see cref="CompiledTemplate"/> for a template's literal gaps. The C# compiler
/// passes interned constant strings, so a template is recognised by the identity of its
/// literals: a few reference comparisons per render, no hashing of text. Templates are
/// compiled once per distinct content and shared process-wide.
/// </summary>
internal static class TemplateCache
{
    private static readonly ConcurrentDictionary<int, Entry[]> ByIdentity = new();
    private static readonly ConcurrentDictionary<string, CompiledTemplate> ByContent = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string First, int Length, int Holes), byte> KnownLiterals = new(new LiteralKeyComparer());

    /// <summary>
    /// Whether a template starting with this literal, with as many literal characters and holes,
    /// has been compiled before; when not, the arena captures the template's source location so
    /// an error can name it. The length and hole count tell apart templates that merely start
    /// alike (<c>"&lt;h1&gt;"</c>), whose source would otherwise never be captured.
    /// </summary>
    public static bool IsKnownLiteral(string literal, int literalLength, int holes) => KnownLiterals.ContainsKey((literal, literalLength, holes));

    public static CompiledTemplate Get(ReadOnlySpan<string?> gaps, ReadOnlySpan<HoleValue> holes, TemplateSource? source)
    {
        var hash = IdentityHash(gaps, holes);
        if (ByIdentity.TryGetValue(hash, out var entries))
        {
            foreach (var entry in entries)
            {
                if (entry.Matches(gaps, holes))
                {
                    return entry.Template;
                }
            }
        }

        return CompileAndRemember(hash, gaps, holes, source);
    }

    private static CompiledTemplate CompileAndRemember(int hash, ReadOnlySpan<string?> gaps, ReadOnlySpan<HoleValue> holes, TemplateSource? source)
    {
        var gapArray = gaps.ToArray();
        var boolHoles = new bool[holes.Length];
        for (var i = 0; i < holes.Length; i++)
        {
            boolHoles[i] = holes[i].Kind == HoleKind.Bool;
        }

        var template = ByContent.GetOrAdd(ContentKey(gapArray, boolHoles), static (_, state) =>
            TemplateCompiler.Compile(state.gapArray, state.boolHoles, state.source), (gapArray, boolHoles, source));

        // Literals built at run time would add an entry per render; they are found by content instead.
        if (gapArray.All(g => g is null || ReferenceEquals(string.IsInterned(g), g)))
        {
            var entry = new Entry(gapArray, boolHoles, template);
            ByIdentity.AddOrUpdate(hash, [entry], (_, existing) => [.. existing, entry]);
            if (Array.Find(gapArray, g => g is not null) is { } first)
            {
                KnownLiterals.TryAdd((first, gapArray.Sum(g => g?.Length ?? 0), holes.Length), 0);
            }
        }

        return template;
    }

    private static int IdentityHash(ReadOnlySpan<string?> gaps, ReadOnlySpan<HoleValue> holes)
    {
        var hash = new HashCode();
        foreach (var gap in gaps)
        {
            hash.Add(gap is null ? 0 : RuntimeHelpers.GetHashCode(gap));
        }

        foreach (var hole in holes)
        {
            hash.Add(hole.Kind == HoleKind.Bool);
        }

        return hash.ToHashCode();
    }

    private static string ContentKey(string?[] gaps, bool[] boolHoles)
    {
        var key = new StringBuilder();
        for (var i = 0; i < gaps.Length; i++)
        {
            key.Append(gaps[i]).Append('\u0001');
            if (i < boolHoles.Length)
            {
                key.Append(boolHoles[i] ? 'b' : 'v');
            }
        }

        return key.ToString();
    }

    /// <summary>Compares the first literal by identity: the compiler passes interned constants.</summary>
    private sealed class LiteralKeyComparer : IEqualityComparer<(string First, int Length, int Holes)>
    {
        public bool Equals((string First, int Length, int Holes) x, (string First, int Length, int Holes) y) =>
            ReferenceEquals(x.First, y.First) && x.Length == y.Length && x.Holes == y.Holes;

        public int GetHashCode((string First, int Length, int Holes) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.First), obj.Length, obj.Holes);
    }

    private sealed record Entry(string?[] Gaps, bool[] BoolHoles, CompiledTemplate Template)
    {
        public bool Matches(ReadOnlySpan<string?> gaps, ReadOnlySpan<HoleValue> holes)
        {
            if (gaps.Length != Gaps.Length)
            {
                return false;
            }

            for (var i = 0; i < gaps.Length; i++)
            {
                if (!ReferenceEquals(gaps[i], Gaps[i]))
                {
                    return false;
                }
            }

            for (var i = 0; i < holes.Length; i++)
            {
                if ((holes[i].Kind == HoleKind.Bool) != BoolHoles[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
