namespace Hyper.Live.Parameters;

/// <summary>Text as sent (not trimmed); null when the field is missing.</summary>
internal sealed class StringBinder : ValueBinder<string?>
{
    public override string Expected => "text";

    public override string? Bind(FormNode? node, BindingScope scope)
    {
        if (node is null || node.Values is not null)
        {
            return node?.Text;
        }

        scope.Errors.Conversion(scope.Path, scope.DisplayName, Expected, node);
        return null;
    }
}
