
namespace Hyper.Live.Samples.Live;

/// <summary>
/// The seed's todo list: add with Enter, toggle, edit with a double click (Enter saves, Escape
/// cancels), delete, "N remaining" and clear completed (a link whose navigation <c>.prevent</c>
/// cancels). Clicking a row selects it; the done toggle and the delete button use <c>.stop</c> so
/// that they do not select the row too. The toggle is a button (role checkbox), so that it also
/// works in a browser without JavaScript, where only buttons and forms reach the server.
/// </summary>
public sealed class Todos : LiveView
{
    [Persist]
    private readonly List<Todo> todos = [];

    [Persist]
    private int nextId = 1;
    private int? selected;
    private int? editing;

    private int Remaining => todos.Count(t => !t.Done);

    public void Add(string? title)
    {
        if (!string.IsNullOrWhiteSpace(title))
        {
            todos.Add(new Todo(nextId++, title.Trim(), Done: false));
        }
    }

    public void Toggle(int id) => Update(id, todo => todo with { Done = !todo.Done });

    public void Select(int id) => selected = id;

    public void SaveEdit(string? value)
    {
        if (editing is { } id && !string.IsNullOrWhiteSpace(value))
        {
            Update(id, todo => todo with { Title = value.Trim() });
        }

        editing = null;
    }

    public void CancelEdit() => editing = null;

    public void ClearCompleted() => todos.RemoveAll(t => t.Done);

    private void Edit(int id) => editing = id;

    private void Delete(int id)
    {
        todos.RemoveAll(t => t.Id == id);
        selected = selected == id ? null : selected;
    }

    private void Update(int id, Func<Todo, Todo> change)
    {
        var index = todos.FindIndex(t => t.Id == id);
        if (index >= 0)
        {
            todos[index] = change(todos[index]);
        }
    }

    public override Html Render() => $$"""
        <section class="todos">
          <h1>Todos</h1>
          <form id="new-todo" @submit="add(title)">
            <input name="title" placeholder="What needs to be done?" autocomplete="off" value="" phx-patch-focused>
          </form>
          <ul id="todo-list">
            {{Html.Each(todos, t => t.Id, Item)}}
          </ul>
          <footer>
            <span class="remaining">{{Remaining}} remaining</span>
            <span class="selected">Selected: {{(selected is { } id ? todos.Find(t => t.Id == id)?.Title : "none")}}</span>
            <a class="clear" href="/todos" @click.prevent="clear_completed">Clear completed</a>
          </footer>
        </section>
        """;

    private Html Item(Todo todo) => $$"""
        <li id="todo-{{todo.Id}}" class="{{(todo.Done ? "done" : "open")}}" @click="select({{todo.Id}})">
          <button type="button" class="toggle" role="checkbox" aria-checked="{{(todo.Done ? "true" : "false")}}" title="Done" @click.stop="toggle({{todo.Id}})">{{(todo.Done ? "✓" : "")}}</button>
          {{(editing == todo.Id ? Editor(todo) : Label(todo))}}
          <button class="delete" title="Delete" @click.stop="{{() => Delete(todo.Id)}}">×</button>
        </li>
        """;

    private Html Label(Todo todo) => $$"""<span class="title" @dblclick="{{() => Edit(todo.Id)}}">{{todo.Title}}</span>""";

    // phx-mounted focuses the editor as it appears; Escape goes through the client module (one phx-key per element).
    private static Html Editor(Todo todo) => $$"""
        <input class="edit" value="{{todo.Title}}" phx-mounted='[["focus",{}]]' @click.stop="select({{todo.Id}})"
               @keydown.enter="save_edit(value)" @keydown.escape="cancel_edit">
        """;

    private sealed record Todo(int Id, string Title, bool Done);
}
