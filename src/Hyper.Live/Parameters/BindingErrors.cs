namespace Hyper.Live.Parameters;

/// <summary>The problems found while binding one parameter; empty when every value bound.</summary>
internal sealed class BindingErrors
{
    private const int MaxShownLength = 40;

    private List<BindingError>? errors;

    public IReadOnlyList<BindingError> All => errors ?? (IReadOnlyList<BindingError>)[];

    public bool Any => errors is { Count: > 0 };

    /// <summary>Records a value that did not convert to <paramref name="expected"/>.</summary>
    public void Conversion(string path, string displayName, string expected, FormNode? node)
    {
        var got = Describe(node);
        var message = node?.Text is { Length: > 0 } ? $"The value {got} is not valid for {displayName}." : $"The {displayName} field is required.";
        Add(new BindingError(path, $"expected {expected}, got {got}", message));
    }

    /// <summary>Records a validation failure (DataAnnotations): the message serves both audiences.</summary>
    public void Validation(string path, string message) => Add(new BindingError(path, message, message));

    public bool HasErrorAt(string path) => errors?.Exists(e => e.Path == path) == true;

    private void Add(BindingError error) => (errors ??= []).Add(error);

    /// <summary>What was received, quoted and shortened: the reply echoes client input, so it is bounded.</summary>
    private static string Describe(FormNode? node) => node switch
    {
        null => "nothing",
        { Items: not null } => "a list",
        { Fields: not null } => "nested fields",
        { Text: { } text } => "'" + (text.Length > MaxShownLength ? text[..MaxShownLength] + "…" : text) + "'",
        _ => "nothing",
    };
}
