namespace Hyper.Live.Parameters;

/// <summary>Passes the session's cancellation token: it fires when the page goes away.</summary>
internal sealed class CancellationParameterBinder : ParameterBinder<CancellationToken>
{
    public override bool TakesValue => false;

    public override CancellationToken Bind(EventContext context) => context.CancellationToken;
}
