using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Hyper.Live.Events;
using Hyper.Live.Persistence;
using Hyper.Live.Routing;
using Hyper.Live.Security;
using Hyper.Live.Sessions;
using Hyper.Live.Templates;

namespace Hyper.Live.Hosting;

/// <summary>
/// Runs an event posted by a page without JavaScript (<see cref="NoScriptMarkup"/>): checks the
/// CSRF token and the page's session token, mounts the view for this request with the
/// <see cref="PersistAttribute"/> members of the page's session restored, dispatches the click or
/// submit as the socket would (same binding, validation and handler checks), snapshots those
/// members again, then answers a navigation with a redirect (post-redirect-get) and anything else
/// with the re-rendered page, which keeps the session.
/// </summary>
internal static partial class NoScriptEndpoint
{
    public static async Task HandleAsync(HttpContext context, LiveRoute route)
    {
        var host = context.RequestServices.GetRequiredService<LiveHost>();
        var logger = host.Loggers.CreateLogger(typeof(NoScriptEndpoint));
        var viewName = route.ViewType.Name;
        if (await ReadFormAsync(context, host.Options.MaxMessageSize).ConfigureAwait(false) is not { } form)
        {
            LogRefused(logger, viewName, "the body is not a form within MaxMessageSize");
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"Expected a form of at most {host.Options.MaxMessageSize} bytes.").ConfigureAwait(false);
            return;
        }

        if (!host.Csrf.IsValid(context, form[CsrfTokens.FormField]))
        {
            LogRefused(logger, viewName, "a missing or invalid CSRF token");
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "The form's CSRF token is missing or invalid: reload the page and try again.").ConfigureAwait(false);
            return;
        }

        var token = host.Tokens.ReadSession(form[NoScriptMarkup.SessionField]);
        if (token?.Session is not { } sessionId || host.Routes.ViewByName(token.View) != route.ViewType || token.User != UserIdentity.KeyOf(context.User))
        {
            LogRefused(logger, viewName, "a missing, expired or foreign session token");
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "This page has expired or was made for another user or page: reload it and try again.").ConfigureAwait(false);
            return;
        }

        using var payload = NoScriptEvent.From(form, [CsrfTokens.FormField, NoScriptMarkup.SessionField], out var malformed);
        if (payload is null)
        {
            LogRefused(logger, viewName, malformed!);
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"Bad request: {malformed}.").ConfigureAwait(false);
            return;
        }

        var persisted = PersistedMembers.For(route.ViewType);
        var page = await StaticRenderer.MountAsync(
                context, route, sessionId, persisted is null ? null : (view, cancellationToken) => RestoreAsync(host, logger, sessionId, view, persisted, cancellationToken))
            .ConfigureAwait(false);
        if (StaticRenderer.TryRedirect(context, host, page.View))
        {
            return;
        }

        // The handlers the page offered are those of its render: resolve and write it as the page
        // was (writing checks each template's handler names, as the differ does for the socket).
        var events = new EventDispatcher(logger, limits: null, host.DetailedErrors, host.Options.ClientErrorLogInterval);
        using (RenderArena.Enter())
        {
            var render = page.View.Render();
            events.Resolve(page.View, render);
            HtmlRenderer.Render(render);
        }

        if (await events.DispatchAsync(page.View, payload.RootElement, context.RequestAborted).ConfigureAwait(false) is { } refusal)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"Bad request: {refusal.Reply}.").ConfigureAwait(false);
            return;
        }

        if (persisted is not null)
        {
            host.Snapshots.Save(sessionId, route.ViewType, persisted, persisted.Capture(page.View));
        }

        if (!StaticRenderer.TryRedirect(context, host, page.View))
        {
            await StaticRenderer.WritePageAsync(context, page, StatusCodes.Status200OK).ConfigureAwait(false);
        }
    }

    private static async Task RestoreAsync(LiveHost host, ILogger logger, string sessionId, LiveView view, PersistedMembers persisted, CancellationToken cancellationToken)
    {
        var outcome = await host.Snapshots.RestoreAsync(sessionId, view, persisted, cancellationToken).ConfigureAwait(false);
        if (SessionSnapshots.WhyNotRestored(outcome) is { } reason)
        {
            LogNotRestored(logger, view.GetType().Name, reason);
        }
    }

    /// <summary>The posted form, or null when the body is not a form or is larger than <paramref name="limit"/> bytes.</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context, int limit)
    {
        if (!context.Request.HasFormContentType || context.Request.ContentLength > limit)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception tooLarge) when (tooLarge is InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{View} refused a post from a page without JavaScript: {Problem}")]
    private static partial void LogRefused(ILogger logger, string view, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{View} was mounted fresh for a post from a page without JavaScript: {Reason}")]
    private static partial void LogNotRestored(ILogger logger, string view, string reason);
}
