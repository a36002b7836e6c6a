using System.ComponentModel.DataAnnotations;

namespace Hyper.Live.Tests.Hosting;

/// <summary>A page whose buttons and form are used without JavaScript by <see cref="NoScriptPostTests"/>.</summary>
public sealed class NoScriptView : LiveView
{
    [Persist]
    private int count;
    private Form<Guest> form = new();
    private string? saved;

    public void Increment() => count++;

    public void Add(int amount) => count += amount;

    public void Leave()
    {
        Flash.Put("info", "Bye");
        PushNavigate("/elsewhere");
    }

    public void Save(Form<Guest> form)
    {
        this.form = form;
        if (form.IsValid)
        {
            saved = form.Value.Name;
        }
    }

    private void Set(int value) => count = value;

    public override Html Render() => $$"""
        <p id="count">{{count}}</p>
        <button id="inc" @click="increment">+</button>
        <button id="add" @click="add(amount)" phx-value-amount="5">+5</button>
        <button id="set" @click="{{() => Set(7)}}">7</button>
        <button id="leave" @click="leave">Leave</button>
        <form id="guest" @submit="save">
          <input name="name" value="{{form["name"]}}">
          {{(form.ErrorFor("name") is { } error ? $"""<p id="error">{error}</p>""" : Html.Empty)}}
        </form>
        <p id="saved">{{saved}}</p>
        """;

    /// <summary>The form's model.</summary>
    public sealed class Guest
    {
        /// <summary>Required, to show a validation error.</summary>
        [Required(ErrorMessage = "Name is required.")]
        public string? Name { get; set; }
    }
}
