namespace Hyper.Live.Templates;

/// <summary>The source file and line where a template's expression starts, for error messages.</summary>
internal sealed record TemplateSource(string File, int Line)
{
    /// <summary>
    /// Finds the first caller outside this assembly with line information. Called only
    /// the first time a template is seen, so the cost of a stack walk does not recur.
    /// </summary>
    public static TemplateSource? Capture()
    {
        var trace = new System.Diagnostics.StackTrace(2, fNeedFileInfo: true);
        var self = typeof(TemplateSource).Assembly;
        foreach (var frame in trace.GetFrames())
        {
            if (frame.GetMethod()?.DeclaringType?.Assembly == self)
            {
                continue;
            }

            var file = frame.GetFileName();
            if (file is not null)
            {
                return new TemplateSource(Path.GetFileName(file), frame.GetFileLineNumber());
            }
        }

        return null;
    }

    public override string ToString() => $"{File}:{Line}";
}
