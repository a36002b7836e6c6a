namespace Hyper.Live.Templates;

/// <summary>
/// Where a hole sits in its template, kept for errors that only the hole's value can reveal
/// (an attribute set's names), so they name the template's line like compile errors do.
/// </summary>
/// <param name="Source">The file and line where the template's expression starts; null when unknown.</param>
/// <param name="Line">The line within the template, from 1.</param>
/// <param name="TemplateText">The template's literal text, whose start the message quotes.</param>
internal sealed record HoleLocation(TemplateSource? Source, int Line, string TemplateText)
{
    /// <summary>The error <paramref name="problem"/> (lower case, no final period) at this hole.</summary>
    public TemplateException Error(string problem) => TemplateException.At(Source, Line, problem, TemplateText);
}
