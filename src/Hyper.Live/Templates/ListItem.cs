namespace Hyper.Live.Templates;

/// <summary>One entry of a list node: its value and its key (explicit, or its index).</summary>
internal readonly struct ListItem
{
    public readonly HoleValue Value;

    public readonly ulong Key;

    public ListItem(HoleValue value, ulong key)
    {
        Value = value;
        Key = key;
    }
}
