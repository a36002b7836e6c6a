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

    [Fact]
    public void An_async_void_handler_is_refused_with_the_reason()
    {
        var error = Assert.Throws<TemplateException>(() => FirstRender(new AsyncVoidView()));

        Assert.Contains("@click=\"save\" names AsyncVoidView.Save, which cannot handle events: it is async void", error.Message, StringComparison.Ordinal);
        Assert.Contains("return Task", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handler_returning_a_value_is_refused_with_the_reason()
    {
        var error = Assert.Throws<TemplateException>(() => FirstRender(new ValueReturningView()));

        Assert.Contains("@click=\"count\" names ValueReturningView.Count, which cannot handle events: it returns Int32", error.Message, StringComparison.Ordinal);
        Assert.Contains("void, Task or ValueTask", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_private_method_named_in_a_template_is_refused_with_the_reason()
    {
        var error = Assert.Throws<TemplateException>(() => FirstRender(new PrivateHandlerView()));

        Assert.Contains("@click=\"hide\" names PrivateHandlerView.Hide, which cannot handle events: it is not public", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_no_event_can_fill_fails_the_first_render_with_the_reason()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FirstRender(new UnbindableParameterView()));

        Assert.Contains("UnbindableParameterView.Upload: parameter 'file' cannot come from an event.", error.Message, StringComparison.Ordinal);
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

    private sealed class AsyncVoidView : LiveView
    {
        private int saved;

        public async void Save()
        {
            await Task.Yield();
            saved++;
        }

        public override Html Render() => $"""<b @click="save">{saved}</b>""";
    }

    private sealed class ValueReturningView : LiveView
    {
        private int count;

        public int Count() => ++count;

        public override Html Render() => $"""<b @click="count">{count}</b>""";
    }

    private sealed class PrivateHandlerView : LiveView
    {
        private bool hidden;

        private void Hide() => hidden = true;

        public override Html Render() => $"""<b @click="hide">{hidden}</b>""";
    }

    private sealed class UnbindableParameterView : LiveView
    {
        public void Upload(Stream file) => _ = file;

        public override Html Render() => $"""<b @click="upload">{1}</b>""";
    }
}
