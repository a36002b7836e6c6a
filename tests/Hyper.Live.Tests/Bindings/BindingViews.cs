using System.ComponentModel.DataAnnotations;

namespace Hyper.Live.Tests.Bindings;

public enum Priority
{
    Low,
    Medium,
    High,
}

public sealed record Address(string City, [Range(1000, 99999)] int Zip);

public sealed record User([Required, MinLength(2)] string Name, int Age, [EmailAddress] string? Email = null, Address? Address = null)
{
    public List<string> Tags { get; init; } = [];
}

public sealed class Signup : IValidatableObject
{
    [Required, StringLength(20, MinimumLength = 3)]
    public string Username { get; set; } = "";

    [Required, EmailAddress]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [Range(13, 120)]
    public int? Age { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Username == "admin")
        {
            yield return new ValidationResult("That username is reserved.", [nameof(Username)]);
        }
    }
}

/// <summary>Handlers of every parameter shape; each records what it received.</summary>
public sealed class BindingView : LiveView
{
    public List<object?> Received { get; } = [];

    public void Text(string? value) => Received.Add(value);

    public void Number(int n) => Received.Add(n);

    public void Numbers(long l, double d, decimal m) => Received.AddRange([l, d, m]);

    public void Flag(bool done) => Received.Add(done);

    public void Choose(Priority priority) => Received.Add(priority);

    public void Identify(Guid id, DateTime at, DateOnly day) => Received.AddRange([id, at, day]);

    public void Maybe(int? n) => Received.Add(n);

    public void Many(List<int> ids, string[] tags, HashSet<string> names) => Received.AddRange([ids, tags, names]);

    public void Save(User user) => Received.Add(user);

    public void Search(string query, string category, int limit = 10) => Received.AddRange([query, category, limit]);

    public void Ranged([Range(1, 10)] int n) => Received.Add(n);

    public Task Raw(LiveEvent liveEvent, CancellationToken cancellationToken)
    {
        Received.Add(liveEvent.Name);
        Received.Add(cancellationToken.CanBeCanceled);
        return Task.CompletedTask;
    }

    public void Validate(Form<Signup> form) => Received.Add(form);

    public void SaveUser(Form<User> user) => Received.Add(user);

    public override Html Render() => $"<p>{Received.Count}</p>";
}

/// <summary>A disposable view: Dispose must not be callable as an event.</summary>
public sealed class DisposableView : LiveView, IDisposable
{
    public bool Disposed { get; private set; }

    public void Save()
    {
    }

    public void Dispose() => Disposed = true;

    public override Html Render() => $"<p>{Disposed}</p>";
}
