using System.Globalization;

namespace Hyper.Live;

/// <summary>
/// Short messages for the user (success, error, warning, info), shown by the view with
/// <see cref="Render"/>. A kind holds one message (<see cref="Success"/> replaces it) or a list
/// (<see cref="AddSuccess"/> appends), each shown with its own close button. They survive a
/// <c>Redirect</c> or <c>PushNavigate</c> (carried as a signed token) and are cleared by the
/// user (the close button sends <c>lv:clear-flash</c>).
/// </summary>
public sealed class LiveFlash
{
    private static readonly string[] Kinds = ["success", "info", "warning", "error"];

    private readonly Dictionary<string, List<Message>> messages = new(StringComparer.Ordinal);
    private readonly HashSet<string> setSinceNavigation = new(StringComparer.Ordinal);
    private int nextId;

    /// <summary>The latest message of a kind (<c>"success"</c>, <c>"error"</c>, <c>"warning"</c>, <c>"info"</c>), or null.</summary>
    public string? this[string kind] => messages.TryGetValue(kind, out var list) ? list[^1].Text : null;

    /// <summary>Whether there is no message.</summary>
    public bool IsEmpty => messages.Count == 0;

    /// <summary>Every message of a kind, oldest first; empty when there is none.</summary>
    public IReadOnlyList<string> GetAll(string kind) =>
        messages.TryGetValue(kind, out var list) ? list.ConvertAll(m => m.Text) : [];

    /// <summary>Sets the success message, replacing those already there.</summary>
    public void Success(string message) => Put("success", message);

    /// <summary>Sets the error message, replacing those already there.</summary>
    public void Error(string message) => Put("error", message);

    /// <summary>Sets the warning message, replacing those already there.</summary>
    public void Warning(string message) => Put("warning", message);

    /// <summary>Sets the info message, replacing those already there.</summary>
    public void Info(string message) => Put("info", message);

    /// <summary>Adds a success message after those already there.</summary>
    public void AddSuccess(string message) => Add("success", message);

    /// <summary>Adds an error message after those already there.</summary>
    public void AddError(string message) => Add("error", message);

    /// <summary>Adds a warning message after those already there.</summary>
    public void AddWarning(string message) => Add("warning", message);

    /// <summary>Adds an info message after those already there.</summary>
    public void AddInfo(string message) => Add("info", message);

    /// <summary>Sets the message of any kind, replacing those already there.</summary>
    public void Put(string kind, string message)
    {
        messages.Remove(kind);
        Add(kind, message);
    }

    /// <summary>Adds a message of any kind after those already there.</summary>
    public void Add(string kind, string message)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(message);
        if (!messages.TryGetValue(kind, out var list))
        {
            messages[kind] = list = [];
        }

        list.Add(new(nextId++, message));
        setSinceNavigation.Add(kind);
    }

    /// <summary>
    /// Removes the messages of <paramref name="kind"/>, or every message when null. A key that
    /// <see cref="Render"/> gave one message's close button (<c>KIND#N</c>) removes that message only.
    /// </summary>
    public void Clear(string? kind = null)
    {
        if (kind is null)
        {
            messages.Clear();
        }
        else if (!messages.Remove(kind) && MessageKey(kind) is var (ofKind, id) && messages.TryGetValue(ofKind, out var list))
        {
            list.RemoveAll(m => m.Id == id);
            if (list.Count == 0)
            {
                messages.Remove(ofKind);
            }
        }
    }

    /// <summary>
    /// The messages as <c>&lt;div class="flash flash-KIND" role="alert"&gt;</c> elements, by kind in a fixed
    /// order and oldest first within a kind, each with a close button that removes it.
    /// </summary>
    public Html Render() => Html.Each(
        KindsToRender.Where(messages.ContainsKey).SelectMany(kind => messages[kind].Select(m => (Kind: kind, Key: Key(kind, m), m.Text))),
        m => m.Key,
        m => $"""<div class="flash flash-{m.Kind}" role="alert">{m.Text} <button type="button" phx-click="lv:clear-flash" phx-value-key="{m.Key}" aria-label="close">×</button></div>""");

    /// <summary>The messages by kind, as the signed tokens carry them.</summary>
    internal Dictionary<string, List<string>> Messages => Snapshot(messages.Keys);

    /// <summary>
    /// The messages that go along with a navigation: those of the kinds set in the callback that navigates.
    /// Older ones stay with the page being left, so a message is shown on one page only.
    /// </summary>
    internal Dictionary<string, List<string>> ForNavigation() => Snapshot(messages.Keys.Where(setSinceNavigation.Contains));

    /// <summary>Starts a new callback: messages set from now on are the ones a navigation carries.</summary>
    internal void BeginCallback() => setSinceNavigation.Clear();

    internal void Replace(IReadOnlyDictionary<string, List<string>>? values)
    {
        messages.Clear();
        foreach (var (kind, list) in values ?? new Dictionary<string, List<string>>())
        {
            foreach (var message in list)
            {
                Add(kind, message);
            }
        }

        setSinceNavigation.Clear();
    }

    private Dictionary<string, List<string>> Snapshot(IEnumerable<string> kinds) =>
        kinds.ToDictionary(kind => kind, kind => messages[kind].ConvertAll(m => m.Text), StringComparer.Ordinal);

    /// <summary>A close button's key: the kind alone while it has one message (Phoenix's shape), else the kind and the message's id.</summary>
    private string Key(string kind, Message message) =>
        messages[kind].Count == 1 ? kind : kind + "#" + message.Id.ToString(CultureInfo.InvariantCulture);

    private static (string Kind, int Id)? MessageKey(string key)
    {
        var hash = key.LastIndexOf('#');
        return hash > 0 && int.TryParse(key.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (key[..hash], id)
            : null;
    }

    private IEnumerable<string> KindsToRender => Kinds.Concat(messages.Keys.Except(Kinds).Order(StringComparer.Ordinal));

    private sealed record Message(int Id, string Text);
}
