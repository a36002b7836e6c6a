using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hyper.Live.BrowserTests;

/// <summary>Helpers shared by the tests: waiting for the live connection the way an E2E test of a user's app would.</summary>
internal static partial class Live
{
    /// <summary>The LiveView container of the dead render (<c>data-phx-main</c>).</summary>
    public static ILocator Container(IPage page) => page.Locator("[data-phx-main]");

    /// <summary>
    /// Waits until the page's current WebSocket is open (<c>window.hyperLive.ws.readyState === 1</c>)
    /// and the view has joined (the container gets <c>phx-connected</c> from the join reply).
    /// </summary>
    public static async Task WaitConnectedAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.hyperLive && window.hyperLive.ws && window.hyperLive.ws.readyState === 1");
        await Expect(Container(page)).ToHaveClassAsync(ConnectedClass());
    }

    /// <summary>
    /// Routes the context's live sockets: while <paramref name="down"/> says so, a new socket is closed at
    /// once with 1011, as if the server were unreachable; otherwise it goes through to the server.
    /// </summary>
    public static Task RefuseSocketsWhileAsync(IBrowserContext context, Func<bool> down) =>
        context.RouteWebSocketAsync("**/live/websocket**", ws =>
        {
            if (down())
            {
                _ = ws.CloseAsync(new WebSocketRouteCloseOptions { Code = 1011, Reason = "server down" });
            }
            else
            {
                ws.ConnectToServer();
            }
        });

    /// <summary>A button by its exact accessible name ("+", "−", "Reset").</summary>
    public static ILocator Button(IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    [GeneratedRegex(@"(^|\s)phx-connected(\s|$)")]
    public static partial Regex ConnectedClass();
}
