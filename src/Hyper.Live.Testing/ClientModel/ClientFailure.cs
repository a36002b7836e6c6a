namespace Hyper.Live.Testing.ClientModel;

/// <summary>Builds the exception thrown where the 1.2.12 client itself would throw (or loop forever) on a diff.</summary>
internal static class ClientFailure
{
    public static InvalidOperationException Create(string what, string clientError) =>
        new($"{what} The phoenix_live_view 1.2.12 client fails here with: {clientError}");
}
