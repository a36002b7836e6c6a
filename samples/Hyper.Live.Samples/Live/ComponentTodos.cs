using Hyper.Live.Samples.Live.Parts;

namespace Hyper.Live.Samples.Live;

/// <summary>
/// A todo list where every row is a live component (<see cref="TodoRow"/>) with its own edit state:
/// several rows can be in edit mode at once, and adding or completing todos leaves them so. Rows
/// send their changes up (<see cref="TodoChange"/>); the list owns the todos and passes each row its
/// own as props, in a keyed list.
/// </summary>
public sealed class ComponentTodos : LiveView
{
    private readonly List<TodoRowProps> todos = [new(1, "Milk", false), new(2, "Bread", false)];
    private int nextId = 3;

    // Todos added: the input's id changes with it, so the browser empties it.
    private int added;

    protected override void Mount(LiveParams parameters) => Title = "Todos (components)";

    public void Add(string title)
    {
        if (!string.IsNullOrWhiteSpace(title))
        {
            todos.Add(new(nextId++, title.Trim(), false));
            added++;
        }
    }

    protected override void HandleInfo(object message)
    {
        if (message is not TodoChange change)
        {
            return;
        }

        var index = todos.FindIndex(t => t.Id == change.Id);
        if (index < 0)
        {
            return;
        }

        switch (change)
        {
            case TodoChange.Renamed renamed:
                todos[index] = todos[index] with { Title = renamed.Title };
                break;
            case TodoChange.Toggled:
                todos[index] = todos[index] with { Done = !todos[index].Done };
                break;
            case TodoChange.Deleted:
                todos.RemoveAt(index);
                break;
        }
    }

    public override Html Render() => $$"""
        <section class="component-todos">
          <h1>Todos</h1>
          <form id="new-todo" @submit="add(title)">
            <input id="new-title-{{added}}" name="title" placeholder="What needs doing?" autocomplete="off">
            <button>Add</button>
          </form>
          <ul id="todo-list">
            {{Html.Each(todos, todo => todo.Id, todo => Component<TodoRow, TodoRowProps>(todo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), todo))}}
          </ul>
          <p class="remaining">{{todos.Count(t => !t.Done)}} remaining</p>
        </section>
        """;
}
