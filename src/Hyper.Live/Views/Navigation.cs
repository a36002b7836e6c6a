namespace Hyper.Live.Views;

/// <summary>A navigation a view asked for, carried out by the session after the current callback.</summary>
internal sealed record Navigation(NavigationKind Kind, string To, bool Replace);

/// <summary>How a view navigates (protocol §6.2).</summary>
internal enum NavigationKind
{
    /// <summary>Same view, new URL: <c>HandleParams</c> runs, no remount (<c>live_patch</c>).</summary>
    Patch,

    /// <summary>Another live view without a page load (<c>live_redirect</c>).</summary>
    Navigate,

    /// <summary>A full page load, possibly to another site (<c>redirect</c>).</summary>
    Redirect,
}
