
namespace Hyper.Live.Parameters;

/// <summary>Passes the <see cref="LiveEvent"/> itself.</summary>
internal sealed class EventParameterBinder : ParameterBinder<LiveEvent>
{
    public override bool TakesValue => false;

    public override LiveEvent Bind(EventContext context) => context.Event;
}
