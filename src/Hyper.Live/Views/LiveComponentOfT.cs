namespace Hyper.Live;

/// <summary>
/// A <see cref="LiveComponent"/> that takes typed, read-only props from its parent:
/// <c>{{Component&lt;Counter, CounterProps&gt;("likes", new(Start: 5))}}</c>. Its own fields keep
/// their values across the parent's renders; <see cref="Props"/> follow the parent.
/// </summary>
/// <typeparam name="TProps">The props, best a record: a new value that <c>Equals</c> the last one changes nothing.</typeparam>
public abstract class LiveComponent<TProps> : LiveComponent
{
    /// <summary>What the parent passed at its last render.</summary>
    public TProps Props { get; internal set; } = default!;

    /// <summary>
    /// Called with the new props after <see cref="LiveComponent.Mount"/> and whenever the parent renders
    /// props that differ from the last ones (<see cref="Props"/> is already set): derive state from them here.
    /// </summary>
    protected internal virtual void Update(TProps props)
    {
    }
}
