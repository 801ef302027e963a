using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yalu.Web.Application;
using Yalu.Web.Ui;

namespace Yalu.Web.Pages;

/// <summary>
/// Base of the pages' models: the strings, and field errors shown next to their field in the page's
/// language (the resource <c>Error.{code}</c>, formatted with the error's arguments).
/// </summary>
public abstract class YaluPageModel(UiText text) : PageModel
{
    /// <summary>The page's strings.</summary>
    protected UiText T => text;

    /// <summary>The translated 404 page.</summary>
    protected static ViewResult NotFoundPage() => new() { ViewName = "/Pages/Shared/NotFound.cshtml", StatusCode = 404 };

    /// <summary>The translated 403 page.</summary>
    protected static ViewResult ForbiddenPage() => new() { ViewName = PageAccessFilter.ForbiddenView, StatusCode = 403 };

    /// <summary>"true" when <paramref name="field"/> has an error (for aria-invalid), else null.</summary>
    public string? Invalid(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? "true" : null;

    /// <summary>Shows the error <paramref name="code"/> next to <paramref name="field"/> (the form field's name).</summary>
    protected void AddError(string field, string code, params object?[] args) =>
        ModelState.AddModelError(field, text.Format("Error." + code, args));

    /// <summary>Shows <paramref name="error"/> next to the page field that <paramref name="fields"/> maps its API field to.</summary>
    protected void AddError(FieldError error, IReadOnlyDictionary<string, string> fields, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(fields);
        AddError(fields.GetValueOrDefault(error.Field, ""), error.Code, args);
    }
}
