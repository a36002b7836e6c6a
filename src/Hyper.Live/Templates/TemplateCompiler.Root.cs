namespace Hyper.Live.Templates;

/// <summary>
/// Whether the template renders exactly one root element (whitespace around it allowed): Phoenix's client
/// can then track it as a root (<c>"r": 1</c>) and skip re-rendering it while no diff touched it.
/// </summary>
/// <remarks>
/// A template holding a form control (<c>input</c>, <c>select</c>, <c>textarea</c>) is not tracked: the client
/// would leave a skipped control as the user left it (a clicked checkbox stays checked although the server
/// rendered it unchecked), where a full morph puts the server's state back, which the test client models.
/// Element depth is counted from the tags as written, without HTML's implied end tags, so a template that
/// relies on them (<c>&lt;li&gt;a&lt;li&gt;b</c>) does not reach depth 0 and is conservatively not a root.
/// </remarks>
internal sealed partial class TemplateCompiler
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private int depth;
    private bool rootSeen;
    private bool notSingleRoot;
    private bool holdsFormControl;

    private bool IsOneElement => rootSeen && !notSingleRoot && depth == 0;

    private bool IsSingleRoot => IsOneElement && !holdsFormControl;

    /// <summary>Text, a text hole, a comment or a declaration: outside every element it makes a second root.</summary>
    private void RootContent(bool whitespace = false)
    {
        if (depth == 0 && !whitespace)
        {
            notSingleRoot = true;
        }
    }

    private void RootStartTag()
    {
        if (depth == 0)
        {
            notSingleRoot |= rootSeen;
            rootSeen = true;
        }
    }

    /// <summary>At the <c>&gt;</c> of a start tag: a void or self-closed element has no content to enter.</summary>
    private void RootEndOfStartTag(string name, bool selfClosed)
    {
        holdsFormControl |= name is "input" or "select" or "textarea";
        if (!selfClosed && !VoidElements.Contains(name))
        {
            depth++;
        }
    }

    private void RootEndTag()
    {
        if (--depth < 0)
        {
            notSingleRoot = true;
            depth = 0;
        }
    }
}
