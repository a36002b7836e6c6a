using Hyper.Live.Templates;

namespace Hyper.Live.Diffing;

/// <summary>The templates of one <c>"p"</c> map, numbered in order of first use.</summary>
internal sealed class TemplateTable
{
    private readonly Dictionary<CompiledTemplate, int> indexes = [];

    public List<CompiledTemplate> Templates { get; } = [];

    public int Count => Templates.Count;

    public int IndexOf(CompiledTemplate template)
    {
        if (!indexes.TryGetValue(template, out var index))
        {
            index = Templates.Count;
            indexes[template] = index;
            Templates.Add(template);
        }

        return index;
    }

    public void Clear()
    {
        indexes.Clear();
        Templates.Clear();
    }
}
