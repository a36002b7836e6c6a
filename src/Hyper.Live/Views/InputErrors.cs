using System.Collections;

namespace Hyper.Live;

/// <summary>
/// The input the last event carried that its handler refused: a value that did not convert or
/// failed its DataAnnotations (the handler did not run, <see cref="LiveView.OnError"/> saw an
/// <see cref="InvalidParameterException"/>). Rendered with the reply that refused it and cleared
/// by the next event, so the page can show why nothing happened: <c>{{InputErrors.Render()}}</c>,
/// or <c>{{InputErrors.For("age")}}</c> next to one field.
/// </summary>
public sealed class InputErrors : IReadOnlyList<InputError>
{
    private readonly List<InputError> errors = [];

    /// <summary>How many values were refused (0 or 1: the first refused value stops the event).</summary>
    public int Count => errors.Count;

    /// <summary>The <paramref name="index"/>-th refused value.</summary>
    public InputError this[int index] => errors[index];

    /// <summary>
    /// The message for <paramref name="field"/> (a parameter name, any case) or one of its members
    /// (<c>user</c> also finds <c>user.Age</c>); null when it was not refused.
    /// </summary>
    public string? For(string field) => errors.Find(e =>
        e.Field.Equals(field, StringComparison.OrdinalIgnoreCase) ||
        (e.Field.Length > field.Length && e.Field.StartsWith(field, StringComparison.OrdinalIgnoreCase) && e.Field[field.Length] is '.' or '['))?.Message;

    /// <summary>
    /// Every message as <c>&lt;div class="hyper-input-errors" role="alert"&gt;&lt;p data-field="age"&gt;…&lt;/p&gt;&lt;/div&gt;</c>;
    /// nothing when no value was refused.
    /// </summary>
    public Html Render() => errors.Count == 0 ? Html.Empty
        : $"""<div class="hyper-input-errors" role="alert">{Html.Each(errors, e => $"""<p data-field="{e.Field}">{e.Message}</p>""")}</div>""";

    /// <inheritdoc/>
    public IEnumerator<InputError> GetEnumerator() => errors.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Clear() => errors.Clear();

    internal void Add(InputError error) => errors.Add(error);
}
