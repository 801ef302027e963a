namespace Yalu.Web.Ui;

/// <summary>
/// Marks a page model whose page needs a logged-in trader (or keeper). Without a session
/// <see cref="PageAccessFilter"/> sends the browser to <c>/login?returnUrl=…</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequireTraderAttribute : Attribute;
