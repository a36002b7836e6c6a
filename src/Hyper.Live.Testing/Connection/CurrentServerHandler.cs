using Microsoft.AspNetCore.TestHost;

namespace Hyper.Live.Testing.Connection;

/// <summary>Sends each request to the in-memory server that runs now, so a client outlives a restart of its app.</summary>
internal sealed class CurrentServerHandler(Func<TestServer> server) : HttpMessageHandler
{
    private (TestServer Server, HttpMessageInvoker Invoker)? current;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var now = server();
        if (current?.Server != now)
        {
            // The previous server's handler went with its app.
            current = (now, new HttpMessageInvoker(now.CreateHandler()));
        }

        return current.Value.Invoker.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            current?.Invoker.Dispose();
        }

        base.Dispose(disposing);
    }
}
