using System.ComponentModel.DataAnnotations;

namespace Hyper.Live.Samples.Live;

/// <summary>
/// The seed's signup form with validation: messages appear for the fields the user has touched
/// as they type (phx-change with <c>_target</c> and <c>_unused_</c>), and for every field on
/// submit; a valid submit shows the success panel. The form has an id, so what was typed is
/// recovered after a reconnect.
/// </summary>
public sealed class Signup : LiveView
{
    private Form<Account> form = new();

    // Kept for a page without JavaScript too, whose every click is a new request: its "Sign up someone else" needs it.
    [Persist]
    private Account? created;

    public void Validate(Form<Account> form) => this.form = form;

    public void Save(Form<Account> form)
    {
        this.form = form;
        if (form.IsValid)
        {
            created = form.Value;
        }
    }

    public void Restart()
    {
        form = new();
        created = null;
    }

    public override Html Render() => created is { } account ? Welcome(account) : SignupForm();

    private static Html Welcome(Account account) => $$"""
            <section class="signup success" id="welcome">
              <h1>Welcome, {{account.Username}}!</h1>
              <p>We sent a confirmation to {{account.Email}}.</p>
              <button @click="restart">Sign up someone else</button>
            </section>
            """;

    private Html SignupForm() => $$"""
            <section class="signup">
              <h1>Sign up</h1>
              <form id="signup" @change="validate" @submit="save" novalidate>
                <label>Username <input name="username" value="{{form["username"]}}" autocomplete="off"></label>
                {{Error("username")}}
                {{Availability()}}
                <label>Email <input name="email" type="email" value="{{form["email"]}}" autocomplete="off"></label>
                {{Error("email")}}
                <label>Age <input name="age" inputmode="numeric" value="{{form["age"]}}" autocomplete="off"></label>
                {{Error("age")}}
                <button type="submit">Sign up</button>
              </form>
            </section>
            """;

    private Html Error(string field) =>
        form.ErrorFor(field) is { } message ? $"""<p class="error" id="{field}-error">{message}</p>""" : Html.Empty;

    // Rendered from the server's state whether or not the field is marked used: after a reconnect
    // it reappears once the form is recovered.
    private Html Availability() =>
        form.Value.Username is { Length: >= 3 } name && form.Errors["Username"].Count == 0
            ? $"""<p class="hint" id="availability">@{name} is available</p>"""
            : Html.Empty;

    /// <summary>What a signup asks for.</summary>
    public sealed class Account
    {
        [Required(ErrorMessage = "Choose a username.")]
        [StringLength(20, MinimumLength = 3, ErrorMessage = "A username has 3 to 20 characters.")]
        [RegularExpression("^[a-zA-Z0-9_]+$", ErrorMessage = "Use letters, digits and _ only.")]
        [NotTaken]
        public string Username { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "That is not an email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your age.")]
        [Range(13, 120, ErrorMessage = "You must be 13 or older.")]
        public int? Age { get; set; }
    }

    /// <summary>A username nobody has yet (a real app would ask its user store).</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class NotTakenAttribute : ValidationAttribute
    {
        private static readonly HashSet<string> Taken = new(StringComparer.OrdinalIgnoreCase) { "admin", "root", "hyper" };

        protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
            value is string name && Taken.Contains(name) ? new ValidationResult($"@{name} is taken.") : ValidationResult.Success;
    }
}
