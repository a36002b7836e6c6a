namespace Hyper.Live.BrowserTests.Conformance;

/// <summary>One event as the conformance view received it: what both clients must agree on.</summary>
/// <param name="Handler">The handler that ran (a delegate binding records under its own name).</param>
/// <param name="Type">The payload's <c>type</c> (<c>click</c>, <c>form</c>, <c>change</c>, …).</param>
/// <param name="Value">The payload's raw <c>value</c> JSON (a URL-encoded string for forms; <c>_args</c> included).</param>
/// <param name="Target">A form change's <c>_target</c> (from <c>meta</c>), or null.</param>
public sealed record RecordedEvent(string Handler, string? Type, string Value, string? Target)
{
    public override string ToString() => $"{Handler} type={Type ?? "null"} value={Value}{(Target is null ? "" : " _target=" + Target)}";
}
