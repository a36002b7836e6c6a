namespace Hyper.Live;

/// <summary>
/// An error the user should see and the view survives: thrown from a handler, its message
/// is shown as an error flash and the session carries on with its state as it was left.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "The seeds' name, which users of Mizu know.")]
public sealed class RecoverableError : Exception
{
    /// <summary>Creates the error with the message the user will see.</summary>
    public RecoverableError(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with the message the user will see and its cause.</summary>
    public RecoverableError(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error without a message.</summary>
    public RecoverableError()
    {
    }
}
