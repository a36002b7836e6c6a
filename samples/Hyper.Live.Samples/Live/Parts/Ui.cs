namespace Hyper.Live.Samples.Live.Parts;

/// <summary>
/// Static components: reusable markup with typed parameters and slots, as plain C# methods returning
/// <see cref="Html"/>. A slot is an <see cref="Html"/> parameter; several named slots are several parameters.
/// They hold no state and are rendered as part of the template that calls them.
/// </summary>
public static class Ui
{
    /// <summary>The page header: <c>&lt;{Header} title="Dashboard" /&gt;</c> in the seed.</summary>
    public static Html Header(string title, string? subtitle = null) => $$"""
        <header class="page-header"><h1>{{title}}</h1>{{Html.If(subtitle is not null, $"<p>{subtitle}</p>")}}</header>
        """;

    /// <summary>A card with a title, a body slot and an optional footer slot (<see cref="Html.IsEmpty"/> when not given): <c>&lt;{Card} title="Stats"&gt;…&lt;/{Card}&gt;</c>.</summary>
    public static Html Card(string title, Html body, Html footer = default) => $$"""
        <section class="card">
          <h2>{{title}}</h2>
          <div class="card-body">{{body}}</div>
          {{(footer.IsEmpty ? Html.Empty : Footer(footer))}}
        </section>
        """;

    private static Html Footer(Html content) => $"""<footer class="card-footer">{content}</footer>""";
}
