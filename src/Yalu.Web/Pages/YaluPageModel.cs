using Microsoft.AspNetCore.Mvc.RazorPages;
using Yalu.Web.Traders;
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
