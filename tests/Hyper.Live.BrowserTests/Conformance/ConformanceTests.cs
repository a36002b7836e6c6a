using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Hyper.Live.Testing;
using Xunit.Abstractions;

namespace Hyper.Live.BrowserTests.Conformance;

/// <summary>
/// The test client is never greener than the browser: each <see cref="Scenario"/> runs through
/// Hyper.Live.Testing and through the real Phoenix client in Chromium, and both must deliver the
/// same events (handler, type, value with <c>_args</c>, <c>_target</c>) and leave the same DOM.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ConformanceTests(BrowserFixture fixture, ConformanceApp app, ITestOutputHelper output) : IClassFixture<ConformanceApp>
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(400);

    public static TheoryData<string> Names => [.. Scenarios.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Browser_and_test_client_send_the_same_events_and_show_the_same_page(string name)
    {
        var scenario = Scenarios.Find(name);

        var (testEvents, testHtml) = await RunTestClientAsync(scenario);
        var (browserEvents, browserHtml, pageErrors) = await RunBrowserAsync(scenario, testEvents.Count);

        output.WriteLine("test client:\n  " + string.Join("\n  ", testEvents));
        output.WriteLine("browser:\n  " + string.Join("\n  ", browserEvents));
        Assert.Empty(pageErrors);
        Assert.NotEmpty(testEvents);
        Assert.Equal(testEvents.Select(Normalize), browserEvents.Select(Normalize));
        Assert.Equal(NormalizeHtml(testHtml), NormalizeHtml(browserHtml));
    }

    private async Task<(IReadOnlyList<RecordedEvent> Events, string Html)> RunTestClientAsync(Scenario scenario)
    {
        var run = "test-" + Guid.NewGuid().ToString("N");
        await using var client = new LiveClient(new Uri(app.BaseUrl + "/"));
        await using var page = await client.LiveAsync($"/conformance/{scenario.Name}?run={run}");
        await scenario.TestClient(page);
        return (app.Recorder.Of(run), page.Html);
    }

    private async Task<(IReadOnlyList<RecordedEvent> Events, string Html, List<string> PageErrors)> RunBrowserAsync(Scenario scenario, int expected)
    {
        var run = "browser-" + Guid.NewGuid().ToString("N");
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync($"/conformance/{scenario.Name}?run={run}");
        await Live.WaitConnectedAsync(page);
        await scenario.Browser(page);
        var events = await app.Recorder.WaitForAsync(run, expected, TimeSpan.FromSeconds(5), Settle);
        // A checkbox's state is its checked property, which Phoenix leaves out of the attributes of a focused input.
        var html = await Live.Container(page).EvaluateAsync<string>("""
            container => {
              for (const input of container.querySelectorAll("input[type=checkbox], input[type=radio]")) input.toggleAttribute("checked", input.checked)
              return container.innerHTML
            }
            """);
        return (events, html, errors);
    }

    /// <summary>Delegate bindings are named by an id that differs between sessions.</summary>
    private static string Normalize(RecordedEvent recorded) => BindingId().Replace(recorded.ToString(), "~id");

    /// <summary>
    /// The view's HTML without what only a browser adds (Phoenix's <c>data-phx-ref-*</c> locks, the
    /// <c>data-phx-id</c> it stamps on root-tracked elements, <c>data-phx-stream</c> on stream items, and
    /// <c>phx-*-loading</c> classes while an event is in flight, <c>selected</c> on options; a component's
    /// <c>data-phx-view</c> names the connection's view, so only its presence is compared), with
    /// attributes sorted and without whitespace between tags.
    /// </summary>
    private static string NormalizeHtml(string html)
    {
        var document = new HtmlParser().ParseDocument("<body>" + html);
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes.Select(a => a.Name).Where(n => n.StartsWith("data-phx-ref", StringComparison.Ordinal) || n is "data-phx-id" or "data-phx-stream").ToList())
            {
                element.RemoveAttribute(attribute);
            }

            if (element.HasAttribute("data-phx-view"))
            {
                // A component's element names its view, whose id differs from one connection to the next.
                element.SetAttribute("data-phx-view", "~view");
            }

            foreach (var loading in element.ClassList.Where(c => c.StartsWith("phx-", StringComparison.Ordinal) && c.EndsWith("-loading", StringComparison.Ordinal)).ToList())
            {
                element.ClassList.Remove(loading);
            }

            // Phoenix marks the option selected at join time with the attribute in the browser's DOM.
            if (element.LocalName == "option")
            {
                element.RemoveAttribute("selected");
            }

            if (element.GetAttribute("class") is "")
            {
                element.RemoveAttribute("class");
            }

            // Attributes in one order: the browser appends the ones it sets.
            var attributes = element.Attributes.Select(a => (a.Name, a.Value)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
            foreach (var (name, _) in attributes)
            {
                element.RemoveAttribute(name);
            }

            foreach (var (name, value) in attributes)
            {
                element.SetAttribute(name, value);
            }
        }

        return BindingId().Replace(Whitespace().Replace(document.Body.InnerHtml, "><").Trim(), "~id");
    }

    [GeneratedRegex(@"~[0-9a-f]{16}")]
    private static partial Regex BindingId();

    [GeneratedRegex(@">\s+<")]
    private static partial Regex Whitespace();
}
