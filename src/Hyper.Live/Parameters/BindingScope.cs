namespace Hyper.Live.Parameters;

/// <summary>Where a value is being bound: its path for error replies, its name for people, and where problems go.</summary>
/// <param name="Errors">Collects what did not bind.</param>
/// <param name="Path">Relative to the parameter: <c>""</c>, <c>Age</c>, <c>Items[2].Name</c>.</param>
/// <param name="DisplayName">The name shown to people: the member's <c>[Display(Name)]</c>, else its name.</param>
internal readonly record struct BindingScope(BindingErrors Errors, string Path, string DisplayName)
{
    public BindingScope Member(string name, string displayName) =>
        new(Errors, Path.Length == 0 ? name : Path + "." + name, displayName);

    public BindingScope Item(int index) => new(Errors, $"{Path}[{index}]", DisplayName);

    /// <summary>A dictionary entry; the key comes from the client, so the path that echoes it is bounded.</summary>
    public BindingScope Key(string key) => new(Errors, $"{Path}[{(key.Length > MaxKeyLength ? key[..MaxKeyLength] + "…" : key)}]", DisplayName);

    private const int MaxKeyLength = 40;
}
