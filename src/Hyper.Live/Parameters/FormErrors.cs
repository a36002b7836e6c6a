namespace Hyper.Live;

/// <summary>
/// The problems of a <see cref="Form{T}"/>, per field: values that did not convert and failed
/// validations. Fields are member names (<c>Email</c>, <c>Address.City</c>; any case), or <c>""</c>
/// for errors about the whole form.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, IReadOnlyList<string>> errors;

    internal FormErrors(IEnumerable<(string Field, string Message)> messages)
    {
        errors = messages
            .GroupBy(m => m.Field, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(m => m.Message).ToList(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>How many fields have errors.</summary>
    public int Count => errors.Count;

    /// <summary>Every field with its messages.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> All => errors;

    /// <summary>The messages for <paramref name="field"/>; empty when it has none.</summary>
    public IReadOnlyList<string> this[string field] => errors.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>The first message for <paramref name="field"/>, or null.</summary>
    public string? First(string field) => errors.TryGetValue(field, out var messages) ? messages[0] : null;

    /// <summary>Adds a message after the field's others (see <see cref="Form{T}.AddError"/>).</summary>
    internal void Add(string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var messages) ? [.. messages, message] : [message];
}
