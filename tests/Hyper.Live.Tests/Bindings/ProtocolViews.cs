
namespace Hyper.Live.Tests.Bindings;

/// <summary>Delegate and named bindings with arguments; counts the errors <see cref="LiveView.OnError"/> saw.</summary>
public sealed class ItemsView : LiveView
{
    private readonly List<(int Id, bool Done)> items = [(1, false), (2, false), (3, false)];
    private readonly List<string> errors = [];

    public void Toggle(int id)
    {
        var index = items.FindIndex(i => i.Id == id);
        items[index] = (id, !items[index].Done);
    }

    protected internal override void OnError(Exception error) => errors.Add(error.GetType().Name);

    private void Remove(int id) => items.RemoveAll(i => i.Id == id);

    public override Html Render() => $$"""
        <ul>{{Html.Each(items, i => i.Id, i => $$"""<li class="{{(i.Done ? "done" : "")}}"><b @click="toggle({{i.Id}})">{{i.Id}}</b><button @click="{{() => Remove(i.Id)}}">x</button></li>""")}}</ul>
        <p>errors: {{string.Join(",", errors)}}</p>
        """;
}

/// <summary>An async handler that shows an intermediate state with <c>RenderNowAsync</c>.</summary>
public sealed class SlowSearchView : LiveView
{
    private string status = "idle";

    public async Task Search(string value, CancellationToken cancellationToken)
    {
        status = "searching " + value;
        await RenderNowAsync();
        await Task.Delay(20, cancellationToken);
        status = "found " + value;
    }

    public override Html Render() => $"""<input @input="search(value)"><p>{status}</p>""";
}

/// <summary>Names a handler it does not have: its first render must fail.</summary>
public sealed class MisspeltView : LiveView
{
    public void Delete()
    {
    }

    public override Html Render() => $$"""
        <h1>{{1}}</h1>
        <button @click="delet">x</button>
        """;
}

/// <summary>Shows refused input with <see cref="LiveView.InputErrors"/>.</summary>
public sealed class AgeView : LiveView
{
    private int age;

    public void SetAge(int age) => this.age = age;

    public override Html Render() => $$"""
        <form @submit="set_age"><input name="age"></form>
        <p>age: {{age}}</p>
        <span class="age-error">{{InputErrors.For("age")}}</span>
        {{InputErrors.Render()}}
        """;
}
