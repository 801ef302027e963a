namespace Yalu.Web.Application;

/// <summary>
/// One invalid field of a form or request: the field, a stable code (the pages translate it as the
/// resource <c>Error.{Code}</c>) and the API's English message.
/// </summary>
/// <param name="Field">The field, as the JSON API names it (handle, passPhrase, quantity…).</param>
/// <param name="Code">Stable code: one of the domain's error codes or a web-side one.</param>
/// <param name="Message">The English message the JSON API returns.</param>
public sealed record FieldError(string Field, string Code, string Message);
