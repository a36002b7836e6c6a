using Hyper.Live;
using Microsoft.AspNetCore.Authorization;

// Outside any "Live" namespace: these views have no route, as an embedded view needs none.
namespace Hyper.Tests.NestedChildren;

/// <summary>The props of a <see cref="Ticker"/>.</summary>
public sealed record TickerProps(string Label);

/// <summary>A child view with a counter and a handler that throws.</summary>
public sealed class Ticker : LiveView<TickerProps>
{
    private int count;

    public void Inc() => count++;

    public void Boom() => throw new InvalidOperationException("child boom");

    public override Html Render() => $$"""<p class="ticker">{{Props.Label}} {{count}}</p><button @click="inc">+</button><button @click="boom">!</button>""";
}

/// <summary>A child view only admins may join.</summary>
[Authorize(Roles = "admin")]
public sealed class AdminOnly : LiveView
{
    public override Html Render() => $"<p>admin only</p>";
}
