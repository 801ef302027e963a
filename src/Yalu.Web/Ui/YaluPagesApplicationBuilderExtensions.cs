using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;

namespace Yalu.Web.Ui;

/// <summary>The pages' middleware (UseYaluApi calls these at their places in the pipeline).</summary>
public static class YaluPagesApplicationBuilderExtensions
{
    /// <summary>The node's own static files (<c>wwwroot/</c>, embedded in this assembly), e.g. <c>/site.css</c>.</summary>
    public static IApplicationBuilder UseYaluStaticFiles(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(UiText).Assembly, "Yalu.Web.wwwroot"),
            OnPrepareResponse = f => f.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
    }

    /// <summary>For page requests (not the API): the idle timeout, then the culture.</summary>
    public static IApplicationBuilder UseYaluPageSession(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseWhen(c => PagePaths.IsPage(c.Request.Path), page => page
            .UseMiddleware<IdleTimeoutMiddleware>()
            .UseMiddleware<PageCultureMiddleware>());
    }
}
