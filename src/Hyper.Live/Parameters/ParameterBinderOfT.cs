namespace Hyper.Live.Parameters;

/// <summary>A <see cref="ParameterBinder"/> that returns its parameter's type without boxing.</summary>
/// <typeparam name="T">The parameter's type.</typeparam>
internal abstract class ParameterBinder<T> : ParameterBinder
{
    /// <summary>The parameter's value; on failure calls <see cref="EventContext.Fail"/> and returns a default.</summary>
    public abstract T Bind(EventContext context);
}
