using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>
/// The samples in a Chromium with JavaScript disabled: forms and buttons post to the page, and
/// the server answers with the re-rendered page (or a redirect).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NoScriptTests(BrowserFixture fixture) : IAsyncLifetime
{
    private IBrowserContext context = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        context = await fixture.NewContextAsync(javaScriptEnabled: false);
        page = await context.NewPageAsync();
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    private ILocator Field(string name) => page.Locator($"#signup input[name={name}]");

    [Fact]
    public async Task Signup_shows_every_error_then_the_success_panel_then_starts_over()
    {
        await page.GotoAsync("/signup");

        await Field("username").FillAsync("admin");
        await Field("age").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(page.Locator("#username-error")).ToHaveTextAsync("@admin is taken.");
        await Expect(page.Locator("#email-error")).ToHaveTextAsync("Enter your email address.");
        await Expect(page.Locator("#age-error")).ToHaveTextAsync("The value 'abc' is not valid for Age.");
        await Expect(Field("username")).ToHaveValueAsync("admin");

        await Field("username").FillAsync("ada");
        await Field("email").FillAsync("ada@example.com");
        await Field("age").FillAsync("36");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(page.Locator("#welcome h1")).ToHaveTextAsync("Welcome, ada!");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up someone else" }).ClickAsync();
        await Expect(Field("username")).ToHaveValueAsync("");
        await Expect(page.Locator("#welcome")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Todos_are_added_and_toggled()
    {
        await page.GotoAsync("/todos");
        var input = page.Locator("#new-todo input[name=title]");

        await input.FillAsync("Buy milk");
        await input.PressAsync("Enter");
        await Expect(page.Locator("#todo-list li")).ToHaveCountAsync(1);
        await page.Locator("#new-todo input[name=title]").FillAsync("Walk the dog");
        await page.Locator("#new-todo input[name=title]").PressAsync("Enter");
        await Expect(page.Locator("#todo-list li")).ToHaveCountAsync(2);
        await Expect(page.Locator(".remaining")).ToHaveTextAsync("2 remaining");

        await page.Locator("#todo-list li", new() { HasText = "Buy milk" }).Locator(".toggle").ClickAsync();

        await Expect(page.Locator("#todo-list li", new() { HasText = "Buy milk" })).ToHaveClassAsync("done");
        await Expect(page.Locator("#todo-list li", new() { HasText = "Walk the dog" })).ToHaveClassAsync("open");
        await Expect(page.Locator(".remaining")).ToHaveTextAsync("1 remaining");
    }
}
