namespace Hyper.Live.Templates;

/// <summary>
/// A template that cannot be rendered safely: a hole inside a tag name or a comment, an
/// unterminated attribute quote, a value that does not fit where its hole sits.
/// </summary>
public sealed class TemplateException : Exception
{
    /// <summary>Creates the exception with a message that already names the template's location.</summary>
    public TemplateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception without a message.</summary>
    public TemplateException()
    {
    }
}
