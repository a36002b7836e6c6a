namespace Hyper.Live.Templates;

/// <summary>
/// A binding of a compiled template that names its handler (<c>@click="delete(7)"</c>), kept so
/// the first render for a view type can check the handler exists and takes the arguments.
/// </summary>
/// <param name="Handler">The handler's name as written.</param>
/// <param name="ArgumentCount">How many arguments the binding passes; null without parentheses.</param>
/// <param name="Attribute">The attribute as written, without its value (<c>@click.stop</c>).</param>
/// <param name="Line">The line within the template, from 1.</param>
/// <param name="Targeted">Whether its tag has a <c>phx-target</c> of its own: in a live component, its event goes elsewhere.</param>
internal sealed record TemplateBinding(string Handler, int? ArgumentCount, string Attribute, int Line, bool Targeted = false);
