namespace Hyper.Live.Samples.Tests;

/// <summary>
/// The samples app maps its views with <c>app.MapHyperLive()</c> and no assembly, as the README
/// does: under <c>WebApplicationFactory</c> the entry assembly is the test host, not the app.
/// </summary>
public sealed class ConventionRoutesTests(WebApplicationFactory<Program> app) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task MapHyperLive_without_an_assembly_finds_the_apps_views_under_WebApplicationFactory()
    {
        await using var client = app.CreateLiveClient();

        var page = await client.LiveAsync("/counter");

        Assert.True(page.IsConnected);
        Assert.Equal("Count: 0", page.Text("h2"));
    }

    [Fact]
    public async Task A_404_from_the_test_client_lists_the_live_routes()
    {
        await using var client = app.CreateLiveClient();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.LiveAsync("/countr"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("GET /countr answered 404 NotFound", error.Message, StringComparison.Ordinal);
        Assert.Contains("live routes: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("/counter", error.Message, StringComparison.Ordinal);
        Assert.Contains("/chat/{room}", error.Message, StringComparison.Ordinal);
    }
}
