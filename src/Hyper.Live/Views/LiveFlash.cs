
namespace Hyper.Live;

/// <summary>
/// Short messages for the user (success, error, warning, info), shown by the view with
/// <see cref="Render"/>. They survive a <c>Redirect</c> or <c>PushNavigate</c> (carried as
/// a signed token) and are cleared by the user (the close button sends <c>lv:clear-flash</c>).
/// </summary>
public sealed class LiveFlash
{
    private readonly Dictionary<string, string> messages = new(StringComparer.Ordinal);
    private readonly HashSet<string> setSinceNavigation = new(StringComparer.Ordinal);

    /// <summary>The message of a kind (<c>"success"</c>, <c>"error"</c>, <c>"warning"</c>, <c>"info"</c>), or null.</summary>
    public string? this[string kind] => messages.GetValueOrDefault(kind);

    /// <summary>Whether there is no message.</summary>
    public bool IsEmpty => messages.Count == 0;

    /// <summary>Sets the success message.</summary>
    public void Success(string message) => Put("success", message);

    /// <summary>Sets the error message.</summary>
    public void Error(string message) => Put("error", message);

    /// <summary>Sets the warning message.</summary>
    public void Warning(string message) => Put("warning", message);

    /// <summary>Sets the info message.</summary>
    public void Info(string message) => Put("info", message);

    /// <summary>Sets the message of any kind.</summary>
    public void Put(string kind, string message)
    {
        messages[kind] = message;
        setSinceNavigation.Add(kind);
    }

    /// <summary>Removes the message of <paramref name="kind"/>, or every message when null.</summary>
    public void Clear(string? kind = null)
    {
        if (kind is null)
        {
            messages.Clear();
        }
        else
        {
            messages.Remove(kind);
        }
    }

    /// <summary>
    /// The messages as <c>&lt;div class="flash flash-KIND" role="alert"&gt;</c> elements in a fixed
    /// order, each with a close button that clears it.
    /// </summary>
    public Html Render() => Html.Each(
        KindsToRender.Where(messages.ContainsKey),
        kind => kind,
        kind => $"""<div class="flash flash-{kind}" role="alert">{messages[kind]} <button type="button" phx-click="lv:clear-flash" phx-value-key="{kind}" aria-label="close">×</button></div>""");

    internal IReadOnlyDictionary<string, string> Messages => messages;

    /// <summary>
    /// The messages that go along with a navigation: those set in the callback that navigates.
    /// Older ones stay with the page being left, so a message is shown on one page only.
    /// </summary>
    internal Dictionary<string, string> ForNavigation() =>
        messages.Where(m => setSinceNavigation.Contains(m.Key)).ToDictionary(StringComparer.Ordinal);

    /// <summary>Starts a new callback: messages set from now on are the ones a navigation carries.</summary>
    internal void BeginCallback() => setSinceNavigation.Clear();

    internal void Replace(IReadOnlyDictionary<string, string>? values)
    {
        messages.Clear();
        foreach (var (kind, message) in values ?? new Dictionary<string, string>())
        {
            messages[kind] = message;
        }
    }

    private static readonly string[] Kinds = ["success", "info", "warning", "error"];

    private IEnumerable<string> KindsToRender => Kinds.Concat(messages.Keys.Except(Kinds).Order(StringComparer.Ordinal));
}
