using System.ComponentModel.DataAnnotations;

namespace Hyper.Live.Samples.Live;

/// <summary>
/// A three-step form (account → address → confirm) that survives a restart: the step and what was typed are
/// <see cref="PersistAttribute">[Persist]</see> members, written as the user types. A <see cref="Form{T}"/> holds an
/// event's payload and is not persisted: the fields render what the form sent, or else the persisted values, so a
/// restored wizard shows what was typed with no error until the user touches a field again.
/// </summary>
public sealed class Wizard : LiveView
{
    [Persist]
    private int step = 1;

    [Persist]
    private AccountStep account = new();

    [Persist]
    private AddressStep address = new();

    [Persist]
    private bool finished;

    private Form<AccountStep> accountForm = new();
    private Form<AddressStep> addressForm = new();

    public void ValidateAccount(Form<AccountStep> form) => account = (accountForm = form).Value;

    public void SaveAccount(Form<AccountStep> form)
    {
        ValidateAccount(form);
        if (form.IsValid)
        {
            GoTo(2);
        }
    }

    public void ValidateAddress(Form<AddressStep> form) => address = (addressForm = form).Value;

    public void SaveAddress(Form<AddressStep> form)
    {
        ValidateAddress(form);
        if (form.IsValid)
        {
            GoTo(3);
        }
    }

    public void Back() => GoTo(Math.Max(1, step - 1));

    public void Confirm() => finished = true;

    public void StartOver()
    {
        (account, address, finished) = (new(), new(), false);
        GoTo(1);
    }

    public override Html Render() => finished ? Done() : $$"""
        <section class="wizard">
          <h1>Sign up in three steps</h1>
          <ol class="steps">
            <li class="{{(step == 1 ? "current" : "")}}">Account</li>
            <li class="{{(step == 2 ? "current" : "")}}">Address</li>
            <li class="{{(step == 3 ? "current" : "")}}">Confirm</li>
          </ol>
          {{step switch { 1 => AccountFields(), 2 => AddressFields(), _ => Summary() }}}
        </section>
        """;

    // Each step starts untouched: what it shows comes from the persisted values.
    private void GoTo(int next)
    {
        step = next;
        (accountForm, addressForm) = (new(), new());
    }

    private Html AccountFields() => $$"""
        <h2 id="step">Step 1: your account</h2>
        <form id="wizard-account" @change="validateAccount" @submit="saveAccount" novalidate>
          <label>Name <input name="name" value="{{accountForm["name"] ?? account.Name}}" autocomplete="off"></label>
          {{Error(accountForm.ErrorFor("name"), "name")}}
          <label>Email <input name="email" type="email" value="{{accountForm["email"] ?? account.Email}}" autocomplete="off"></label>
          {{Error(accountForm.ErrorFor("email"), "email")}}
          <button type="submit">Next</button>
        </form>
        """;

    private Html AddressFields() => $$"""
        <h2 id="step">Step 2: where you live</h2>
        <form id="wizard-address" @change="validateAddress" @submit="saveAddress" novalidate>
          <label>Street <input name="street" value="{{addressForm["street"] ?? address.Street}}" autocomplete="off"></label>
          {{Error(addressForm.ErrorFor("street"), "street")}}
          <label>City <input name="city" value="{{addressForm["city"] ?? address.City}}" autocomplete="off"></label>
          {{Error(addressForm.ErrorFor("city"), "city")}}
          <label>Postcode <input name="postcode" value="{{addressForm["postcode"] ?? address.Postcode}}" autocomplete="off"></label>
          {{Error(addressForm.ErrorFor("postcode"), "postcode")}}
          <button type="button" @click="back">Back</button>
          <button type="submit">Next</button>
        </form>
        """;

    private Html Summary() => $$"""
        <h2 id="step">Step 3: is this right?</h2>
        <dl id="summary">
          <dt>Name</dt><dd>{{account.Name}}</dd>
          <dt>Email</dt><dd>{{account.Email}}</dd>
          <dt>Address</dt><dd>{{address.Street}}, {{address.Postcode}} {{address.City}}</dd>
        </dl>
        <button @click="back">Back</button>
        <button id="confirm" @click="confirm">Confirm</button>
        """;

    private Html Done() => $$"""
        <section class="wizard success" id="done">
          <h1>Thank you, {{account.Name}}!</h1>
          <p>We will write to {{address.Street}}, {{address.Postcode}} {{address.City}}.</p>
          <button @click="startOver">Start over</button>
        </section>
        """;

    private static Html Error(string? message, string field) =>
        message is null ? Html.Empty : $"""<p class="error" id="{field}-error">{message}</p>""";

    /// <summary>Step 1: who signs up (persisted as JSON, so plain settable properties).</summary>
    public sealed class AccountStep
    {
        [Required(ErrorMessage = "Enter your name.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "That is not an email address.")]
        public string Email { get; set; } = "";
    }

    /// <summary>Step 2: where they live.</summary>
    public sealed class AddressStep
    {
        [Required(ErrorMessage = "Enter your street.")]
        public string Street { get; set; } = "";

        [Required(ErrorMessage = "Enter your city.")]
        public string City { get; set; } = "";

        [Required(ErrorMessage = "Enter your postcode.")]
        [RegularExpression("^[0-9A-Za-z -]{3,10}$", ErrorMessage = "A postcode has 3 to 10 letters or digits.")]
        public string Postcode { get; set; } = "";
    }
}
