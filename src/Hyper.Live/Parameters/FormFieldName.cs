namespace Hyper.Live.Parameters;

/// <summary>Plug/Rack nested field names: <c>user[address][city]</c>, <c>tags[]</c>.</summary>
internal static class FormFieldName
{
    /// <summary>
    /// The segments of a name: <c>user[name]</c> → <c>user</c>, <c>name</c>; <c>tags[]</c> →
    /// <c>tags</c>, <c>""</c> (an empty segment appends to a list). A name that is not well formed
    /// is one segment, as Plug reads it.
    /// </summary>
    public static List<string> Split(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        if (open <= 0 || name[^1] != ']')
        {
            return [name];
        }

        var segments = new List<string> { name[..open] };
        var position = open;
        while (position < name.Length)
        {
            var close = name.IndexOf(']', position);
            if (name[position] != '[' || close < 0 || name.IndexOf('[', position + 1, close - position - 1) >= 0)
            {
                return [name];
            }

            segments.Add(name[(position + 1)..close]);
            position = close + 1;
        }

        return segments;
    }

    /// <summary>Writes segments back as a field name: <c>user</c>, <c>age</c> → <c>user[age]</c>.</summary>
    public static string Join(IEnumerable<string> segments)
    {
        var name = new System.Text.StringBuilder();
        foreach (var segment in segments)
        {
            if (name.Length == 0)
            {
                name.Append(segment);
            }
            else
            {
                name.Append('[').Append(segment).Append(']');
            }
        }

        return name.ToString();
    }
}
