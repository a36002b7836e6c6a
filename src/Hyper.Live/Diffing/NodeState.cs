using Hyper.Live.Templates;

namespace Hyper.Live.Diffing;

/// <summary>
/// What the client holds for one rendered template instance: which template, and per hole
/// either a hash of the leaf value or the state of a nested template or list. Values
/// themselves are never kept.
/// </summary>
internal sealed class NodeState
{
    public NodeState(CompiledTemplate template)
    {
        Template = template;
        Hashes = new ulong[template.HoleCount];
    }

    public CompiledTemplate Template { get; }

    public ulong[] Hashes { get; }

    /// <summary>Per hole, a nested <see cref="NodeState"/> or <see cref="ListState"/>; allocated on first need.</summary>
    public object?[]? Children;
}
