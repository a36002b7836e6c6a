using Hyper.Live.Templates;
namespace Hyper.Live;

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

    /// <summary>An error at <paramref name="line"/> of a template, naming where the template is and how it starts.</summary>
    internal static TemplateException At(TemplateSource? source, int line, string problem, string templateText)
    {
        var start = templateText.Trim();
        if (start.Length > 60)
        {
            start = start[..60] + "…";
        }

        var where = source is null
            ? $"line {line} of a template"
            : $"line {line} of the template at {source}";
        return new TemplateException($"Template error at {where}: {problem}. The template starts with: {start}");
    }
}
