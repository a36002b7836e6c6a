using Hyper.Live.Samples.Live;
using Microsoft.AspNetCore.Builder;

namespace Hyper.Live.Samples.Tests;

/// <summary>The wizard sample: validation per step, Back and Next, and its step and values kept across a restart.</summary>
public sealed class WizardTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Each_step_validates_before_going_on_and_Back_keeps_what_was_typed()
    {
        await using var client = app.CreateLiveClient();
        var page = await client.LiveAsync("/wizard");

        await page.SubmitAsync("#wizard-account", new { name = "Ada", email = "nope" });
        Assert.Equal("Step 1: your account", page.Text("#step"));
        Assert.Equal("That is not an email address.", page.Text("#email-error"));

        await page.SubmitAsync("#wizard-account", new { name = "Ada", email = "ada@example.org" });
        Assert.Equal("Step 2: where you live", page.Text("#step"));
        Assert.False(page.Has(".error"));

        await page.SubmitAsync("#wizard-address", new { street = "1 Analytical Way", city = "", postcode = "N1 7GU" });
        Assert.Equal("Enter your city.", page.Text("#city-error"));

        await page.ClickAsync("back");
        Assert.Equal("Ada", page.Element("input[name=name]").GetAttribute("value"));
        await page.SubmitAsync("#wizard-account", new { });
        Assert.Equal("1 Analytical Way", page.Element("input[name=street]").GetAttribute("value"));

        await page.SubmitAsync("#wizard-address", new { city = "London" });
        Assert.Equal("Step 3: is this right?", page.Text("#step"));
        Assert.Contains("1 Analytical Way, N1 7GU London", page.Text("#summary"));
        await page.ClickAsync("#confirm");
        Assert.Equal("Thank you, Ada!", page.Text("#done h1"));
    }

    [Fact]
    public async Task After_a_graceful_restart_the_wizard_is_at_step_2_with_what_was_typed()
    {
        // The samples' views by convention (/wizard) in a host that can restart, keeping its session store and keys.
        await using var host = await LiveTestHost.StartAsync(web => web.MapHyperLive(typeof(Wizard).Assembly));
        await using var client = host.CreateClient();
        var page = await client.LiveAsync("/wizard");
        await page.SubmitAsync("#wizard-account", new { name = "Ada", email = "ada@example.org" });
        await page.ChangeAsync("#wizard-address", new { street = "1 Analytical Way" });
        await page.ChangeAsync("#wizard-address", new { city = "London" });
        var before = page.View;

        await host.RestartAsync();
        await page.ReconnectAsync();

        Assert.NotSame(before, page.View); // restored from the store by a new server, not re-attached
        Assert.Equal("Step 2: where you live", page.Text("#step"));
        Assert.Equal("1 Analytical Way", page.Element("input[name=street]").GetAttribute("value"));
        Assert.Equal("London", page.Element("input[name=city]").GetAttribute("value"));
        Assert.False(page.Has("#street-error") || page.Has("#city-error"));

        await page.ClickAsync("back");
        Assert.Equal("ada@example.org", page.Element("input[name=email]").GetAttribute("value"));
    }
}
