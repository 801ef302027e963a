using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.WebEncoders;

namespace Yalu.Web.Ui;

/// <summary>Registers the server-rendered pages (AddYaluWeb calls it).</summary>
public static class YaluPagesServiceCollectionExtensions
{
    /// <summary>
    /// Adds Razor Pages from this assembly with <see cref="PageAccessFilter"/> and the <c>/Keeper</c>
    /// folder convention, the strings (<see cref="UiText"/>), antiforgery with a SameSite=Strict
    /// HttpOnly cookie, lower-case links, and Brotli/gzip response compression.
    /// </summary>
    public static IServiceCollection AddYaluPages(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<UiText>();
        services.AddSingleton<PageRegistrationLimiter>();
        // Korean and Chinese as characters, not as &#x..; escapes (three times the bytes); markup is still escaped.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddRazorPages(o => o.Conventions.AddFolderApplicationModelConvention(PageAccessFilter.KeeperFolder, m => m.EndpointMetadata.Add(new RequireKeeperAttribute())))
            .AddApplicationPart(typeof(UiText).Assembly)
            .AddMvcOptions(o => o.Filters.Add<PageAccessFilter>());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "yalu_af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__af";
        });
        services.AddResponseCompression(o =>
        {
            // Not over HTTPS: a compressed page that carries a secret (the antiforgery token) beside
            // reflected input is open to BREACH; the pages are small enough without it there.
            o.EnableForHttps = false;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("image/svg+xml");
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }
}
