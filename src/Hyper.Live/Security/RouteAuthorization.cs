using System.Collections.Concurrent;
using Hyper.Live.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hyper.Live.Security;

/// <summary>
/// Runs a live route's authorization for a join exactly as ASP.NET Core's authorization
/// middleware runs it for the route's HTTP request: the policies, roles and schemes of
/// <c>RequireAuthorization()</c>, <c>[Authorize]</c> and <c>[AllowAnonymous]</c> on the endpoint
/// or on the view class (copied onto the endpoint by <c>MapLive</c>), and the fallback policy.
/// The user is the socket's (its upgrade request's), authenticated again for a policy that names schemes.
/// </summary>
internal sealed class RouteAuthorization(EndpointDataSource endpoints)
{
    private readonly ConcurrentDictionary<LiveRoute, Endpoint?> endpointsByRoute = new();

    /// <summary>Null when <paramref name="request"/>'s user may open <paramref name="route"/>, else why not (for the log).</summary>
    public async Task<string?> CheckAsync(LiveRoute route, HttpContext request)
    {
        var endpoint = endpointsByRoute.GetOrAdd(route, r => endpoints.Endpoints.FirstOrDefault(e => e.Metadata.GetMetadata<LiveRoute>() == r));
        if (endpoint is null)
        {
            return $"no endpoint serves the live route {route.Pattern}";
        }

        return await CheckAsync(endpoint.Metadata, route.Pattern, request).ConfigureAwait(false);
    }

    /// <summary>
    /// Null when <paramref name="request"/>'s user may join the embedded view <paramref name="viewType"/>, else why not:
    /// the <c>[Authorize]</c> and <c>[AllowAnonymous]</c> of its class, as <c>MapLive</c> puts them on a route.
    /// </summary>
    public static Task<string?> CheckViewAsync(Type viewType, HttpContext request) =>
        CheckAsync(new EndpointMetadataCollection(viewType.GetCustomAttributes(inherit: true).Where(a => a is IAuthorizeData or IAllowAnonymous)), viewType.Name, request);

    private static async Task<string?> CheckAsync(EndpointMetadataCollection metadata, string what, HttpContext request)
    {
        var services = request.RequestServices;
        var authorizeData = metadata.GetOrderedMetadata<IAuthorizeData>();
        var policies = metadata.GetOrderedMetadata<AuthorizationPolicy>();
        var requirements = metadata.GetOrderedMetadata<IAuthorizationRequirementData>();
        if (services.GetService<IAuthorizationPolicyProvider>() is not { } policyProvider)
        {
            // Without authorization services the HTTP request of such a route fails too.
            return authorizeData.Count + policies.Count + requirements.Count == 0 ? null : "authorization services are not registered (AddAuthorization)";
        }

        var policy = await AuthorizationPolicy.CombineAsync(policyProvider, authorizeData, policies).ConfigureAwait(false);
        if (requirements.Count > 0)
        {
            var builder = policy is null ? new AuthorizationPolicyBuilder() : new AuthorizationPolicyBuilder(policy);
            builder.AddRequirements([.. requirements.SelectMany(data => data.GetRequirements())]);
            policy = builder.Build();
        }

        if (policy is null || metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return null;
        }

        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(policy, request).ConfigureAwait(false);
        var result = await evaluator.AuthorizeAsync(policy, authentication, request, request).ConfigureAwait(false);
        return result.Succeeded ? null
            : result.Challenged ? $"{what} requires an authenticated user"
            : $"the user may not open {what}";
    }
}
