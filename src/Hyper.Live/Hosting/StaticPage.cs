using Hyper.Live.Routing;
using Hyper.Live.Sessions;

namespace Hyper.Live.Hosting;

/// <summary>A view mounted for one HTTP request, with what writing its page needs.</summary>
/// <param name="Host">The framework's services.</param>
/// <param name="Route">The live route the request matched.</param>
/// <param name="Uri">The request's URL.</param>
/// <param name="Request">What the view sees of the request.</param>
/// <param name="View">The mounted view.</param>
internal sealed record StaticPage(LiveHost Host, LiveRoute Route, Uri Uri, LiveRequest Request, LiveView View);
