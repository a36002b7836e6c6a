namespace Hyper.Live.Samples.Live.Parts;

/// <summary>
/// One row of <see cref="ComponentTodos"/>: a live component whose edit state (editing or not, the
/// draft) is its own, while the todo itself belongs to the list and comes in as props.
/// </summary>
public sealed class TodoRow : LiveComponent<TodoRowProps>
{
    public bool Editing { get; private set; }

    public void Edit() => Editing = true;

    public void Cancel() => Editing = false;

    public void Save(string title)
    {
        if (!string.IsNullOrWhiteSpace(title))
        {
            SendParent(new TodoChange.Renamed(Props.Id, title.Trim()));
        }

        Editing = false;
    }

    public void Toggle() => SendParent(new TodoChange.Toggled(Props.Id));

    public void Delete() => SendParent(new TodoChange.Deleted(Props.Id));

    public override Html Render() => Editing ? EditForm() : Display();

    private Html EditForm() => $$"""
            <li id="todo-{{Props.Id}}" class="editing">
              <form id="edit-{{Props.Id}}" @submit="save(title)" @keydown.escape="cancel">
                <input name="title" value="{{Props.Title}}" autocomplete="off">
                <button>Save</button>
                <button type="button" class="cancel" @click="cancel">Cancel</button>
              </form>
            </li>
            """;

    private Html Display() => $$"""
            <li id="todo-{{Props.Id}}" class="{{(Props.Done ? "done" : "open")}}">
              <input type="checkbox" class="toggle" checked="{{Props.Done}}" @click="toggle">
              <span class="title" @dblclick="edit">{{Props.Title}}</span>
              <button class="edit" @click="edit">Edit</button>
              <button class="delete" @click="delete">×</button>
            </li>
            """;
}
