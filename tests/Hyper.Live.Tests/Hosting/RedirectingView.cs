using Hyper.Live.Views;

namespace Hyper.Live.Tests.Hosting;

/// <summary>Navigates during mount as <c>?go=…</c> says, so the HTTP render answers with a redirect.</summary>
public sealed class RedirectingView : LiveView
{
    protected internal override void Mount(LiveParams parameters)
    {
        switch (parameters["go"])
        {
            case "local":
                Redirect("/done?x=1");
                break;
            case "external":
                RedirectExternal("https://pay.example/checkout");
                break;
            case "protocol-relative":
                Redirect("//evil.example/");
                break;
            case "bypass":
                // What no public API allows: the HTTP render must still refuse it.
                Effects.Navigation = new Navigation(NavigationKind.Redirect, "https://evil.example/", false);
                break;
        }
    }

    public override Html Render() => $"<p>{"stayed"}</p>";
}
