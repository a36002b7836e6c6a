namespace Hyper.Live.Templates;

/// <summary>
/// Event targets: where a live component's copy of the statics gets <c>phx-target=""</c> (every tag with an
/// <c>@event</c> binding and no <c>phx-target</c> of its own, see <see cref="CompiledTemplate.ForComponents"/>),
/// and which bindings sit on a tag with its own <c>phx-target</c>: those reach another view or component, so
/// they are not checked against the template's owner, and that target may run their handler.
/// </summary>
internal sealed partial class TemplateCompiler
{
    private readonly List<(int Static, int Offset)> targetInsertions = [];
    private bool explicitTarget;

    /// <summary>At the end of a start tag's attributes (before <c>/&gt;</c> or <c>&gt;</c>).</summary>
    private void EndTagTargets(bool selfClosed)
    {
        if (elementBindings.HasBindings && !explicitTarget)
        {
            targetInsertions.Add((statics.Count, selfClosed ? output.Length - 1 : output.Length));
        }
        else if (explicitTarget)
        {
            elementBindings.MarkTargeted();
        }

        explicitTarget = false;
    }
}
