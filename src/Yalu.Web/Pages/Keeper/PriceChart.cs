using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// Draws one good's realised value over time as a small SVG line chart, on the server: one point per
/// day (the median value per unit of that day's confirmed handovers), the axes labelled with the
/// first and last day and the highest value, formatted for the reader's culture.
/// </summary>
internal static class PriceChart
{
    private const double Left = 48, Right = 292, Top = 10, Bottom = 96;

    /// <summary>One day's median value per unit, in CNY.</summary>
    internal sealed record Point(DateOnly Day, decimal PerUnit);

    /// <summary>The SVG markup; <paramref name="title"/> is its accessible name.</summary>
    public static string Draw(string id, IReadOnlyList<Point> points, string title, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(culture);
        if (points.Count == 0) return "";
        var first = points[0].Day;
        var last = points[^1].Day;
        int span = Math.Max(1, last.DayNumber - first.DayNumber);
        decimal top = Math.Max(0.01m, points.Max(p => p.PerUnit)) * 1.1m;
        double X(DateOnly day) => points.Count == 1 ? (Left + Right) / 2 : Left + (Right - Left) * (day.DayNumber - first.DayNumber) / span;
        double Y(decimal value) => Bottom - (Bottom - Top) * (double)(value / top);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"price-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 120\" role=\"img\" aria-labelledby=\"{id}-t\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{Escape(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"axis\" d=\"M{Left} {Top}V{Bottom}H{Right}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left - 4}\" y=\"{Top + 8}\" text-anchor=\"end\">{Escape(points.Max(p => p.PerUnit).ToString("N2", culture))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left - 4}\" y=\"{Bottom}\" text-anchor=\"end\">0</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left}\" y=\"{Bottom + 16}\" text-anchor=\"start\">{Escape(first.ToString("d", culture))}</text>");
        if (last != first)
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Right}\" y=\"{Bottom + 16}\" text-anchor=\"end\">{Escape(last.ToString("d", culture))}</text>");
        if (points.Count > 1)
        {
            svg.Append("<polyline class=\"line\" points=\"");
            foreach (var p in points) svg.Append(CultureInfo.InvariantCulture, $"{X(p.Day):0.#},{Y(p.PerUnit):0.#} ");
            svg.Append("\"/>");
        }
        foreach (var p in points)
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"dot\" cx=\"{X(p.Day):0.#}\" cy=\"{Y(p.PerUnit):0.#}\" r=\"3\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Escape(string text) => HtmlEncoder.Default.Encode(text);
}
