using Hyper.Live.Parameters;

namespace Hyper.Live;

/// <summary>
/// A submitted or changing form bound to <typeparamref name="T"/>, as a handler parameter:
/// <c>public void Validate(Form&lt;Signup&gt; form)</c>. Unlike a plain <typeparamref name="T"/>
/// parameter, values that do not convert and failed DataAnnotations do not refuse the event:
/// they become <see cref="Errors"/>, so the page can show them. Keep the last form in a field
/// and render from it: <see cref="ErrorFor"/> shows an error only once the user has touched the
/// field (Phoenix's <c>_unused_</c> fields), and the indexer gives back what was typed.
/// </summary>
/// <typeparam name="T">The record or class the fields bind to.</typeparam>
public sealed class Form<T>
    where T : class
{
    private readonly EventPayload? payload;
    private readonly string? prefix;

    /// <summary>A form nothing was sent to yet: values bound from no fields, no field touched, no error shown.</summary>
    public Form()
        : this(FormBinder<T>.Bind(null, out var errors), errors, null, null)
    {
    }

    internal Form(T value, FormErrors errors, EventPayload? payload, string? prefix)
    {
        Value = value;
        Errors = errors;
        this.payload = payload;
        this.prefix = prefix;
    }

    /// <summary>The bound value; members that did not convert keep their defaults.</summary>
    public T Value { get; }

    /// <summary>Every problem, per member, whether or not the user touched the field yet.</summary>
    public FormErrors Errors { get; }

    /// <summary>Whether every value converted and passed validation.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The field whose change sent this form (<c>email</c>, <c>user[email]</c>); null for a submit.</summary>
    public string? Target => payload?.Target;

    /// <summary>
    /// What was sent for a field, as typed: a member name (<c>Email</c>, <c>Address.City</c>) or a
    /// field name (<c>user[email]</c>); null when not sent.
    /// </summary>
    public string? this[string field] => payload?.Root.Find(FieldName(field))?.Text;

    /// <summary>
    /// Whether the user has typed into <paramref name="field"/> or submitted the form. A form
    /// that was never sent has no used field.
    /// </summary>
    public bool IsUsed(string field) => payload is not null && payload.IsUsed(FieldName(field));

    /// <summary>
    /// Adds an error found on the server after binding (a username taken in the database): it
    /// counts against <see cref="IsValid"/> and <see cref="ErrorFor"/> shows it like a validation error.
    /// </summary>
    /// <param name="field">A member name (<c>Username</c>, <c>Address.City</c>; any case), or <c>""</c> for the whole form.</param>
    /// <param name="message">What to tell the person filling the form.</param>
    public void AddError(string field, string message)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentException.ThrowIfNullOrEmpty(message);
        Errors.Add(field, message);
    }

    /// <summary>The first error of <paramref name="field"/> if the user has touched it, else null.</summary>
    public string? ErrorFor(string field) => IsUsed(field) ? Errors.First(field) : null;

    /// <summary>Member paths to field names: <c>Address.City</c> under prefix <c>user</c> → <c>user[Address][City]</c>.</summary>
    private string FieldName(string field)
    {
        if (field.Contains('[', StringComparison.Ordinal))
        {
            return field;
        }

        var segments = field.Split('.');
        return FormFieldName.Join(prefix is null ? segments : [prefix, .. segments]);
    }
}
