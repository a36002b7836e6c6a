using Microsoft.AspNetCore.Authorization;

namespace Hyper.Live.Tests.Security;

/// <summary>Anyone may open it: the page an attacker takes a valid session token from.</summary>
public sealed class PublicView : LiveView
{
    public override Html Render() => $"<p>public</p>";
}

/// <summary>Protected by <c>RequireAuthorization("Admins")</c> on its endpoint.</summary>
public sealed class AdminView : LiveView
{
    public int Clicks { get; private set; }

    public void Click() => Clicks++;

    public override Html Render() => $"""<p>admin {Clicks}</p><button @click="click">+</button>""";
}

/// <summary>Protected by <c>[Authorize]</c> on the class alone.</summary>
[Authorize]
public sealed class MembersView : LiveView
{
    public override Html Render() => $"<p>members of {User.Identity?.Name}</p>";
}

/// <summary>Under an authorized group, but open to all by <c>[AllowAnonymous]</c>.</summary>
[AllowAnonymous]
public sealed class WelcomeView : LiveView
{
    public override Html Render() => $"<p>welcome</p>";
}
