using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Yalu.Storage;
using Yalu.Web.Catalog;
using Yalu.Web.Credit;
using Yalu.Web.Idempotency;
using Yalu.Web.Lots;
using Yalu.Web.Prices;
using Yalu.Web.Rates;
using Yalu.Web.Rounds;
using Yalu.Web.Traders;
using Yalu.Web.Ui;
using Yalu.Web.Wants;

namespace Yalu.Web;

/// <summary>The API's pipeline and routes: a table of contents of the features.</summary>
public static class YaluWebApplicationExtensions
{
    /// <summary>Adds the API's middleware and endpoints to the node (after <c>AddYaluWeb</c>).</summary>
    public static WebApplication MapYaluApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        UseYaluApi(app);
        return app;
    }

    /// <summary>
    /// The pipeline, for any application builder: response compression and security headers, errors
    /// as ProblemDetails, the node's static files, a store read scope per request
    /// (<see cref="IMarketStore.BeginReadScope"/>), routing, session authentication, the pages' idle
    /// timeout and culture, roles, rate limits, the output cache of public market reads
    /// (<see cref="Api.MarketOutputCache"/>), the body cap and idempotency, then the endpoints and
    /// the pages.
    /// </summary>
    public static IApplicationBuilder UseYaluApi(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseResponseCompression();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A malformed or oversized request is the client's error, not the node's.
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        // A page that fails shows the translated error page (the API's ProblemDetails handler stays outside it).
        app.UseWhen(c => PagePaths.IsPage(c.Request.Path), pages => pages.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/status/500",
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        }));
        // An error without a body: ProblemDetails for the API, a translated page for a browser.
        app.UseWhen(c => !PagePaths.IsPage(c.Request.Path), api => api.UseStatusCodePages());
        app.UseWhen(c => PagePaths.IsPage(c.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseYaluStaticFiles();
        // One read scope per request: the store's kept reads in it share one event-log lookup.
        app.Use(static async (context, next) =>
        {
            using var scope = context.RequestServices.GetRequiredService<IMarketStore>().BeginReadScope();
            await next(context);
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseYaluPageSession();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapYaluEndpoints();
            endpoints.MapRazorPages();
        });
        return app;
    }

    /// <summary>Every endpoint of the API, one feature per line, and the OpenAPI document at /openapi/v1.json.</summary>
    public static IEndpointRouteBuilder MapYaluEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapTraders();
        endpoints.MapCatalog();
        endpoints.MapLots();
        endpoints.MapWantLists();
        endpoints.MapRates();
        endpoints.MapPriceBoard();
        endpoints.MapRounds();
        endpoints.MapLegs();
        endpoints.MapCredit();
        endpoints.MapOpenApi();
        return endpoints;
    }
}
