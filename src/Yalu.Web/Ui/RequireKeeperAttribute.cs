namespace Yalu.Web.Ui;

/// <summary>
/// Marks a page model whose page is for keepers. Every page under <c>Pages/Keeper/</c> gets it by
/// convention; <see cref="PageAccessFilter"/> sends anonymous visitors to the login page and answers
/// a trader with the translated 403 page.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequireKeeperAttribute : Attribute;
