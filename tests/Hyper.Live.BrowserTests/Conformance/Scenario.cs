using Hyper.Live.Testing;
using Microsoft.Playwright;

namespace Hyper.Live.BrowserTests.Conformance;

/// <summary>
/// One binding form, done once through Hyper.Live.Testing and once by a user in Chromium: both must
/// send the same events and leave the same DOM.
/// </summary>
/// <param name="Name">The scenario's name (its route segment and the test case's name).</param>
/// <param name="Render">The markup under test, rendered by <see cref="ConformanceView"/>.</param>
/// <param name="TestClient">What a test written with Hyper.Live.Testing does.</param>
/// <param name="Browser">What the user does in the browser (real input where Playwright has it).</param>
public sealed record Scenario(string Name, Func<ConformanceView, Html> Render, Func<LivePage, Task> TestClient, Func<IPage, Task> Browser)
{
    public override string ToString() => Name;
}
