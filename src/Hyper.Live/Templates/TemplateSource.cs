namespace Hyper.Live.Templates;

/// <summary>The source file and line where a template's expression starts, for error messages.</summary>
internal sealed record TemplateSource(string File, int Line)
{
    /// <summary>
    /// Finds the first caller outside this assembly with line information, and whether a
    /// static constructor is on the stack (a <c>static readonly Html</c> being initialised).
    /// Called only the first time a template is seen, so the stack walk does not recur.
    /// </summary>
    public static TemplateSource? Capture(out bool inStaticConstructor)
    {
        var trace = new System.Diagnostics.StackTrace(2, fNeedFileInfo: true);
        var self = typeof(TemplateSource).Assembly;
        TemplateSource? found = null;
        inStaticConstructor = false;
        foreach (var frame in trace.GetFrames())
        {
            var method = frame.GetMethod();
            inStaticConstructor |= method is System.Reflection.ConstructorInfo { IsStatic: true };
            if (found is not null || method?.DeclaringType?.Assembly == self)
            {
                continue;
            }

            var file = frame.GetFileName();
            if (file is not null)
            {
                found = new TemplateSource(Path.GetFileName(file), frame.GetFileLineNumber());
            }
        }

        return found;
    }

    public override string ToString() => $"{File}:{Line}";
}
