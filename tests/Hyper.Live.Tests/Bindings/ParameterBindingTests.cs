using System.Text.Json;
using Hyper.Live.Events;
using Hyper.Live.Parameters;

namespace Hyper.Live.Tests.Bindings;

/// <summary>Handler parameters bound from event payloads: each type, each failure message.</summary>
public class ParameterBindingTests
{
    /// <summary>Runs <paramref name="handler"/> of a fresh view with the payload's value (and meta); returns the view and the error, if any.</summary>
    private static (BindingView View, string? Error) Invoke(string handler, string value, string? meta = null)
    {
        var view = new BindingView();
        using var valueJson = JsonDocument.Parse(value);
        using var metaJson = JsonDocument.Parse(meta ?? "{}");
        var liveEvent = new LiveEvent(handler, valueJson.RootElement.ValueKind == JsonValueKind.String ? "form" : "click", valueJson.RootElement, metaJson.RootElement, null);
        var context = new EventContext(liveEvent, new CancellationTokenSource().Token);
        var task = HandlerTable.For(typeof(BindingView)).Find(handler)!.Invoke(view, context);
        Assert.Equal(task is null, context.Failed);
        return (view, context.Error?.Message);
    }

    private static List<object?> Bound(string handler, string value, string? meta = null)
    {
        var (view, error) = Invoke(handler, value, meta);
        Assert.Null(error);
        return view.Received;
    }

    private static string Refused(string handler, string value, string? meta = null)
    {
        var (view, error) = Invoke(handler, value, meta);
        Assert.Empty(view.Received);
        return Assert.IsType<string>(error);
    }

    [Fact]
    public void Strings_come_as_sent_and_null_when_missing()
    {
        Assert.Equal([" a b "], Bound("text", """{"value":" a b "}"""));
        Assert.Equal([null], Bound("text", "{}"));
        Assert.Equal(["last"], Bound("text", "\"value=first&value=last\""));
    }

    [Fact]
    public void Numbers_use_the_invariant_culture()
    {
        Assert.Equal([42], Bound("number", """{"n":" 42 "}"""));
        Assert.Equal([42], Bound("number", """{"n":42}"""));
        Assert.Equal([9_000_000_000L, 1.5, 2.25m], Bound("numbers", "\"l=9000000000&d=1.5&m=2.25\""));
    }

    [Theory]
    [InlineData("""{"done":"on"}""", true)]
    [InlineData("""{"done":"true"}""", true)]
    [InlineData("""{"done":true}""", true)]
    [InlineData("""{"done":"false"}""", false)]
    [InlineData("{}", false)]
    [InlineData("\"done=false&done=on\"", true)]
    public void Bool_reads_checkboxes(string value, bool expected) => Assert.Equal([expected], Bound("flag", value));

    [Fact]
    public void Enums_guids_and_dates()
    {
        Assert.Equal([Priority.High], Bound("choose", """{"priority":"high"}"""));
        Assert.Equal([Priority.Medium], Bound("choose", """{"priority":"1"}"""));
        var id = Guid.NewGuid();
        Assert.Equal(
            [id, new DateTime(2024, 5, 1, 13, 45, 0), new DateOnly(2024, 5, 1)],
            Bound("identify", $$"""{"id":"{{id}}","at":"2024-05-01T13:45","day":"2024-05-01"}"""));
    }

    [Fact]
    public void Nullable_is_null_when_blank_or_missing()
    {
        Assert.Equal([null], Bound("maybe", """{"n":""}"""));
        Assert.Equal([null], Bound("maybe", "{}"));
        Assert.Equal([5], Bound("maybe", """{"n":"5"}"""));
    }

    [Fact]
    public void Lists_from_bracket_fields_repeated_fields_and_json_arrays()
    {
        var received = Bound("many", "\"ids%5B%5D=1&ids%5B%5D=2&tags=a&tags=b&names=x\"");
        Assert.Equal([1, 2], (List<int>)received[0]!);
        Assert.Equal(["a", "b"], (string[])received[1]!);
        Assert.Equal(["x"], (HashSet<string>)received[2]!);
        Assert.Equal([3, 4], (List<int>)Bound("many", """{"ids":[3,"4"]}""")[0]!);
        Assert.Empty((List<int>)Bound("many", "{}")[0]!);
    }

    [Fact]
    public void Records_bind_from_nested_fields_or_from_the_whole_form()
    {
        var nested = (User)Bound("save", "\"user%5Bname%5D=Jo&user%5Bage%5D=33&user%5Baddress%5D%5Bcity%5D=Oslo&user%5Baddress%5D%5Bzip%5D=1234&user%5Btags%5D%5B%5D=a&user%5Btags%5D%5B%5D=b\"")[0]!;
        Assert.Equal(new User("Jo", 33, null, new Address("Oslo", 1234)) { Tags = nested.Tags }, nested);
        Assert.Equal(["a", "b"], nested.Tags);

        var flat = (User)Bound("save", "\"name=Ann&age=40&email=ann%40example.com\"")[0]!;
        Assert.Equal(new User("Ann", 40, "ann@example.com") { Tags = flat.Tags }, flat);
        Assert.Empty(flat.Tags);
    }

    [Fact]
    public void Positional_arguments_bind_by_position_and_fields_by_name()
    {
        Assert.Equal(["shoes", "products", 10], Bound("search", """{"value":"shoes","_args":[{"field":"value"},"products"]}"""));
        Assert.Equal(["hats", "all", 5], Bound("search", """{"value":"hats","_args":[{"field":"value"},"all",5]}"""));
        Assert.Equal(["q", "c", 10], Bound("search", """{"query":"q","CATEGORY":"c"}"""));
    }

    [Fact]
    public void Form_arguments_come_in_meta()
    {
        Assert.Equal(["jo", "x", 10], Bound("search", "\"name=jo\"", """{"_args":[{"field":"name"},"x"]}"""));
    }

    [Fact]
    public void A_form_field_a_positional_argument_names_but_the_form_lacks_is_refused()
    {
        // save(name, emial): binding null silently would hide the typo.
        Assert.Equal(
            "Invalid parameter 'query': the form sent no field 'nmae' (no input of the form is named that; misspelt?)",
            Refused("search", "\"name=jo\"", """{"_args":[{"field":"nmae"},"x"]}"""));

        // An unchecked checkbox is not sent at all: its bool is false, not an error.
        Assert.Equal([false], Bound("flag", "\"other=1\"", """{"_args":[{"field":"done"}]}"""));
    }

    [Fact]
    public void Event_and_cancellation_token_are_passed_through()
    {
        Assert.Equal(["raw", true], Bound("raw", "{}"));
    }

    [Theory]
    [InlineData("number", """{"n":"abc"}""", "Invalid parameter 'n': expected int, got 'abc'")]
    [InlineData("number", """{"n":""}""", "Invalid parameter 'n': expected int, got ''")]
    [InlineData("number", "{}", "Invalid parameter 'n': expected int, got nothing")]
    [InlineData("number", """{"n":"99999999999"}""", "Invalid parameter 'n': expected int, got '99999999999'")]
    [InlineData("number", """{"n":[1]}""", "Invalid parameter 'n': expected int, got a list")]
    [InlineData("number", """{"n":{"a":"1"}}""", "Invalid parameter 'n': expected int, got nested fields")]
    [InlineData("numbers", """{"l":"1.5","d":"1","m":"1"}""", "Invalid parameter 'l': expected long, got '1.5'")]
    [InlineData("numbers", """{"l":"1","d":"x","m":"1"}""", "Invalid parameter 'd': expected double, got 'x'")]
    [InlineData("numbers", """{"l":"1","d":"1","m":"1,5"}""", "Invalid parameter 'm': expected decimal, got '1,5'")]
    [InlineData("flag", """{"done":"maybe"}""", "Invalid parameter 'done': expected bool, got 'maybe'")]
    [InlineData("choose", """{"priority":"urgent"}""", "Invalid parameter 'priority': expected one of Low, Medium, High, got 'urgent'")]
    [InlineData("choose", """{"priority":"7"}""", "Invalid parameter 'priority': expected one of Low, Medium, High, got '7'")]
    [InlineData("identify", """{"id":"nope","at":"2024-05-01","day":"2024-05-01"}""", "Invalid parameter 'id': expected Guid, got 'nope'")]
    [InlineData("identify", """{"id":"00000000-0000-0000-0000-000000000001","at":"yesterday","day":"2024-05-01"}""", "Invalid parameter 'at': expected DateTime, got 'yesterday'")]
    [InlineData("identify", """{"id":"00000000-0000-0000-0000-000000000001","at":"2024-05-01","day":"2024-13-01"}""", "Invalid parameter 'day': expected DateOnly, got '2024-13-01'")]
    [InlineData("maybe", """{"n":"x"}""", "Invalid parameter 'n': expected int, got 'x'")]
    [InlineData("many", """{"ids":["1","x"]}""", "Invalid parameter 'ids[1]': expected int, got 'x'")]
    [InlineData("many", """{"ids":{"a":"1"}}""", "Invalid parameter 'ids': expected a list of int, got nested fields")]
    [InlineData("save", "\"name=Jo&age=old\"", "Invalid parameter 'user.Age': expected int, got 'old'")]
    [InlineData("save", "\"name=J&age=3\"", "Invalid parameter 'user.Name': The field Name must be a string or array type with a minimum length of '2'.")]
    [InlineData("save", "\"age=3\"", "Invalid parameter 'user.Name': The Name field is required.")]
    [InlineData("save", "\"name=Jo&age=3&email=nope\"", "Invalid parameter 'user.Email': The Email field is not a valid e-mail address.")]
    [InlineData("save", "\"user%5Bname%5D=Jo&user%5Bage%5D=3&user%5Baddress%5D%5Bcity%5D=X&user%5Baddress%5D%5Bzip%5D=1\"", "Invalid parameter 'user.Address.Zip': The field Zip must be between 1000 and 99999.")]
    [InlineData("save", """{"user":"jo"}""", "Invalid parameter 'user': expected fields of User, got 'jo'")]
    [InlineData("ranged", """{"n":"11"}""", "Invalid parameter 'n': The field n must be between 1 and 10.")]
    [InlineData("search", """{"_args":[{"field":"value"},"c","many"]}""", "Invalid parameter 'limit': expected int, got 'many'")]
    public void Values_that_do_not_fit_are_refused_with_a_message(string handler, string value, string message) =>
        Assert.Equal(message, Refused(handler, value));

    [Fact]
    public void Echoed_input_is_shortened()
    {
        var error = Refused("number", $$"""{"n":"{{new string('9', 500)}}"}""");
        Assert.Equal($"Invalid parameter 'n': expected int, got '{new string('9', 40)}…'", error);
    }

    [Fact]
    public void Form_collects_errors_and_knows_touched_fields()
    {
        var form = (Form<Signup>)Bound(
            "validate",
            "\"username=jo&email=&_unused_email=&age=abc&_unused_age=\"",
            """{"_target":"username"}""")[0]!;

        Assert.False(form.IsValid);
        Assert.Equal("username", form.Target);
        Assert.Equal("jo", form.Value.Username);
        Assert.Equal("jo", form["username"]);
        Assert.Equal("abc", form["Age"]);
        Assert.Equal("The field Username must be a string with a minimum length of 3 and a maximum length of 20.", form.ErrorFor("username"));
        Assert.True(form.IsUsed("Username"));
        Assert.False(form.IsUsed("email"));
        Assert.Null(form.ErrorFor("email"));
        Assert.Equal("The E-mail field is required.", form.Errors.First("Email"));
        Assert.Equal("The value 'abc' is not valid for Age.", form.Errors.First("age"));
        Assert.Equal(3, form.Errors.Count);
    }

    [Fact]
    public void Submitted_form_has_every_field_used_and_runs_object_validation()
    {
        var form = (Form<Signup>)Bound("validate", "\"username=admin&email=a%40b.co&age=30\"")[0]!;

        Assert.Null(form.Target);
        Assert.True(form.IsUsed("email"));
        Assert.Equal("That username is reserved.", form.ErrorFor("Username"));
        Assert.Single(form.Errors.All);
    }

    [Fact]
    public void Form_under_a_prefix_maps_members_to_nested_field_names()
    {
        var form = (Form<User>)Bound("save_user", "\"user%5Bname%5D=Jo&user%5Bage%5D=x&user%5B_unused_email%5D=\"")[0]!;

        Assert.Equal("Jo", form["Name"]);
        Assert.Equal("x", form["user[age]"]);
        Assert.True(form.IsUsed("Age"));
        Assert.False(form.IsUsed("Email"));
        Assert.Equal("The value 'x' is not valid for Age.", form.ErrorFor("Age"));
    }

    [Fact]
    public void A_server_side_error_shows_like_a_validation_error()
    {
        var form = (Form<User>)Bound("save_user", "\"user%5Bname%5D=Jo&user%5Bage%5D=40&user%5Bemail%5D=jo%40example.com\"")[0]!;
        Assert.True(form.IsValid);

        form.AddError("name", "Jo is taken.");
        form.AddError("Name", "Pick another.");

        Assert.False(form.IsValid);
        Assert.Equal("Jo is taken.", form.ErrorFor("Name"));
        Assert.Equal(["Jo is taken.", "Pick another."], form.Errors["name"]);
        Assert.Equal("Jo", form["Name"]);

        // Only touched fields show errors: a change that has not reached the field yet shows none.
        var changing = (Form<User>)Bound("save_user", "\"user%5Bname%5D=&user%5B_unused_name%5D=&user%5Bage%5D=4\"")[0]!;
        changing.AddError("Name", "taken");
        Assert.Null(changing.ErrorFor("Name"));
    }

    [Fact]
    public void Empty_form_shows_no_error()
    {
        var form = new Form<Signup>();

        Assert.False(form.IsValid);
        Assert.Null(form.ErrorFor("username"));
        Assert.Null(form["username"]);
        Assert.Equal("The Username field is required.", form.Errors.First("Username"));
    }

    [Fact]
    public void Plug_style_decoding_of_lists_of_maps()
    {
        var payload = EventPayload.Decode(
            JsonDocument.Parse("\"a%5B%5D%5Bx%5D=1&a%5B%5D%5By%5D=2&a%5B%5D%5Bx%5D=3&b=%2B+%20\"").RootElement,
            default);

        var items = payload.Root.Field("a")!.Items!;
        Assert.Equal(2, items.Count);
        Assert.Equal("2", items[0].Field("y")!.Text);
        Assert.Equal("3", items[1].Field("x")!.Text);
        Assert.Equal("+  ", payload.Root.Field("b")!.Text);
    }

    [Fact]
    public void Unbindable_parameters_fail_when_the_table_is_built()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HandlerTable.For(typeof(UnbindableView)));
        Assert.Contains("UnbindableView.Use: parameter 'stream' cannot come from an event", error.Message, StringComparison.Ordinal);
        Assert.Contains("Make the method non-public", error.Message, StringComparison.Ordinal);
    }

    private sealed class UnbindableView : LiveView
    {
        public void Use(Stream stream) => _ = stream;

        public override Html Render() => $"<p>{1}</p>";
    }

    [Fact]
    public void Dispose_of_a_disposable_view_is_not_an_event_handler()
    {
        var table = HandlerTable.For(typeof(DisposableView));
        Assert.NotNull(table.Find("save"));
        Assert.Null(table.Find("dispose"));
    }
}
