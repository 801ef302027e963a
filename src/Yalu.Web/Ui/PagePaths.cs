using Microsoft.AspNetCore.Http;

namespace Yalu.Web.Ui;

/// <summary>Which requests belong to the pages (everything but the JSON API and its OpenAPI document).</summary>
public static class PagePaths
{
    /// <summary>The login page, where page requests without a session are sent.</summary>
    public const string Login = "/login";

    /// <summary>Whether <paramref name="path"/> is a page (or a page's file) rather than the JSON API.</summary>
    public static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="returnUrl"/> when it is a path on this node (starts with one '/', no scheme or
    /// host, no backslash), else "/": redirects never leave the node.
    /// </summary>
    public static string Local(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\\', StringComparison.Ordinal)
            && !url.Any(char.IsControl)
            ? url
            : "/";
}
