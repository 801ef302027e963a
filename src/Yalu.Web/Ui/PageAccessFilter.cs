using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Yalu.Web.Auth;

namespace Yalu.Web.Ui;

/// <summary>
/// The pages' access rule, applied to every page before its handler runs: a page marked
/// <see cref="RequireTraderAttribute"/> or <see cref="RequireKeeperAttribute"/> (directly or by the
/// <c>/Keeper</c> folder convention) needs a session, else a redirect to the login page that comes
/// back here; a keeper page answered to a trader is the 403 page. (The API's own challenge writes
/// ProblemDetails, which is right for JSON clients and wrong for a browser, hence this filter.)
/// </summary>
public sealed class PageAccessFilter : IAsyncPageFilter
{
    /// <summary>The folder of the keeper pages: every page in it is for keepers.</summary>
    public const string KeeperFolder = "/Keeper";

    /// <summary>The view rendered for a trader on a keeper page.</summary>
    public const string ForbiddenView = "/Pages/Shared/Forbidden.cshtml";

    /// <inheritdoc/>
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var metadata = context.ActionDescriptor.EndpointMetadata;
        bool keeper = metadata.OfType<RequireKeeperAttribute>().Any()
            || context.HandlerInstance.GetType().IsDefined(typeof(RequireKeeperAttribute), true)
            || context.ActionDescriptor.ViewEnginePath.StartsWith(KeeperFolder + "/", StringComparison.OrdinalIgnoreCase);
        bool trader = keeper || metadata.OfType<RequireTraderAttribute>().Any() || context.HandlerInstance.GetType().IsDefined(typeof(RequireTraderAttribute), true);
        var user = context.HttpContext.User;
        if (trader && user.Identity?.IsAuthenticated != true)
        {
            var request = context.HttpContext.Request;
            string back = HttpMethods.IsGet(request.Method) ? request.Path + request.QueryString : request.Path.ToString();
            context.Result = new RedirectResult(PagePaths.Login + "?returnUrl=" + Uri.EscapeDataString(back));
            return Task.CompletedTask;
        }
        if (keeper && !user.IsKeeper())
        {
            context.Result = new ViewResult { ViewName = ForbiddenView, StatusCode = StatusCodes.Status403Forbidden };
            return Task.CompletedTask;
        }
        return next();
    }
}
