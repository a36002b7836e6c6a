using System.Collections.Immutable;
using Hyper.Live.Testing.Dom;

namespace Hyper.Live.Testing.Connection;

/// <summary>
/// What a page shows at one moment. The channel replaces the whole snapshot on every change, so a test thread reads a
/// consistent page (HTML, URL, title, errors) without taking a lock while frames keep arriving.
/// </summary>
internal sealed record PageSnapshot
{
    /// <summary>The view's DOM as the client has it.</summary>
    public required PageDocument Document { get; init; }

    /// <summary>The page's URL, following live patches and live navigation.</summary>
    public required Uri Url { get; init; }

    /// <summary>The document title, or null when the page has none.</summary>
    public string? Title { get; init; }

    /// <summary>How many times the view joined successfully; a rejoin sends it as <c>_mounts</c>.</summary>
    public int Mounts { get; init; }

    /// <summary>Whether the view is joined over an open socket (before redirects and failures are considered).</summary>
    public bool Joined { get; init; }

    /// <summary>Every event the server pushed to the window, in dispatch order.</summary>
    public ImmutableList<ClientPushEvent> Events { get; init; } = [];

    /// <summary>The last error the server answered or pushed.</summary>
    public LiveError? LastError { get; init; }

    /// <summary>Where a full page load was asked for.</summary>
    public LiveRedirect? Redirected { get; init; }

    /// <summary>What the client could not apply; once set, every call on the page fails.</summary>
    public Exception? Failure { get; init; }

    /// <summary>Completes when the work the page started on its own (navigation, rejoin, recovery, destroy handshake) is done.</summary>
    public Task Settled { get; init; } = Task.CompletedTask;

    public bool IsConnected => Joined && Redirected is null && Failure is null;

    /// <exception cref="InvalidOperationException">The client could not apply what the server sent.</exception>
    public void ThrowIfFailed()
    {
        if (Failure is not null)
        {
            throw new InvalidOperationException("The client could not apply what the server sent: " + Failure.Message, Failure);
        }
    }
}
