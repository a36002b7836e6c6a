using Microsoft.Extensions.Logging.Abstractions;
using Hyper.Live.Events;
using Hyper.Live.Templates;

namespace Hyper.Live.Tests.Bindings;

/// <summary>The first render of a template for a view type checks the handlers it names.</summary>
public class FirstRenderCheckTests
{
    /// <summary>Renders as a session does: resolve the bindings, then write (templates are checked as they are looked up).</summary>
    private static void FirstRender(LiveView view)
    {
        using var scope = RenderArena.Enter();
        var html = view.Render();
        new EventDispatcher(NullLogger.Instance).Resolve(view, html);
        HtmlRenderer.Render(html);
    }

    [Fact]
    public void Unknown_handler_names_the_template_line_and_the_closest_handler()
    {
        // Another template starting with the same literal must not hide where this one is.
        HtmlRenderer.Render(() => $"<h1>{1}</h1><p>{2}</p>");

        var error = Assert.Throws<TemplateException>(() => FirstRender(new MisspeltView()));

        Assert.Contains("@click=\"delet\" names no handler of MisspeltView (did you mean 'Delete'?)", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2 of the template at ProtocolViews.cs:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_arguments_are_refused()
    {
        var error = Assert.Throws<TemplateException>(() => FirstRender(new TooManyArgumentsView()));

        Assert.Contains("@click=\"toggle(…)\" passes 2 arguments, but TooManyArgumentsView.Toggle takes 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_view_handling_any_event_may_name_handlers_it_has_no_method_for()
    {
        FirstRender(new CatchAllView());
    }

    private sealed class TooManyArgumentsView : LiveView
    {
        public void Toggle(int id, CancellationToken cancellationToken) => _ = (id, cancellationToken);

        public override Html Render() => $"""<b @click="toggle(1, 2)">{1}</b>""";
    }

    private sealed class CatchAllView : LiveView
    {
        protected internal override Task HandleEventAsync(LiveEvent liveEvent, CancellationToken cancellationToken) => Task.CompletedTask;

        public override Html Render() => $"""<b @click="anything">{1}</b>""";
    }
}
