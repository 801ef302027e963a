using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// Draws one loop or chain of a round as a small SVG, on the server: a node per lot's owner, an arrow
/// per leg from giver to receiver, styled by the leg's state. Loops sit on a circle; chains run down
/// a column and end at the pool. The picture carries its own accessible name (<c>role="img"</c>
/// with a title listing the handovers), so the table beside it is not the only description.
/// </summary>
internal static class ExchangePicture
{
    private const double Centre = 100, Radius = 62, NodeRadius = 7;

    /// <summary>One leg as the picture needs it, in receive order.</summary>
    internal sealed record Leg(string Giver, string Receiver, string State);

    /// <summary>The SVG markup of exchange <paramref name="index"/>; <paramref name="title"/> is its accessible name.</summary>
    public static string Draw(int index, bool loop, IReadOnlyList<Leg> legs, string title)
    {
        ArgumentNullException.ThrowIfNull(legs);
        if (legs.Count == 0) return "";
        // Nodes: the giver of each leg (a trader with two lots in one loop appears twice), plus, for a
        // chain, the receivers no leg gives from (the pool at its start).
        var nodes = legs.Select(l => l.Giver).ToList();
        var targets = new int[legs.Count];
        for (int p = 0; p < legs.Count; p++)
        {
            int n = legs.Count;
            int[] near = loop ? [(p - 1 + n) % n, (p + 1) % n] : [p - 1, p + 1];
            int found = near.Where(q => q >= 0 && q < n && q != p).Cast<int?>().FirstOrDefault(q => legs[q!.Value].Giver == legs[p].Receiver) ?? -1;
            if (found < 0)
            {
                found = nodes.IndexOf(legs[p].Receiver);
                if (found < 0 || found == p)
                {
                    nodes.Add(legs[p].Receiver);
                    found = nodes.Count - 1;
                }
            }
            targets[p] = found;
        }

        var at = Layout(loop, nodes.Count, legs.Count);
        double height = loop ? 200 : Math.Max(60, 40 * nodes.Count);
        var svg = new StringBuilder();
        string id = "x" + index.ToString(CultureInfo.InvariantCulture);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"exchange-picture\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-90 0 380 {height:0}\" role=\"img\" aria-labelledby=\"{id}-t\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{Escape(title)}</title><defs>");
        foreach (string state in States)
            svg.Append(CultureInfo.InvariantCulture, $"<marker id=\"{id}-{state}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path class=\"leg-{state}\" d=\"M0 0L10 5L0 10z\"/></marker>");
        svg.Append("</defs>");
        for (int p = 0; p < legs.Count; p++)
        {
            var (x1, y1) = at[p];
            var (x2, y2) = at[targets[p]];
            // Stop short of the target's circle; bend a little so a two-lot loop shows both arrows.
            double dx = x2 - x1, dy = y2 - y1, length = Math.Max(1, Math.Sqrt(dx * dx + dy * dy));
            double sx = x1 + dx / length * NodeRadius, sy = y1 + dy / length * NodeRadius;
            double ex = x2 - dx / length * (NodeRadius + 2), ey = y2 - dy / length * (NodeRadius + 2);
            double bend = loop ? 0.18 : 0.12;
            double cx = (sx + ex) / 2 + dy / length * length * bend, cy = (sy + ey) / 2 - dx / length * length * bend;
            string state = States.Contains(legs[p].State) ? legs[p].State : "pending";
            svg.Append(CultureInfo.InvariantCulture,
                $"<path class=\"leg leg-{state}\" d=\"M{sx:0.#} {sy:0.#}Q{cx:0.#} {cy:0.#} {ex:0.#} {ey:0.#}\" marker-end=\"url(#{id}-{state})\"/>");
        }
        for (int i = 0; i < nodes.Count; i++)
        {
            var (x, y) = at[i];
            string anchor = !loop ? "start" : x > Centre + 5 ? "start" : x < Centre - 5 ? "end" : "middle";
            double lx = !loop ? x + 14 : x + (x - Centre) / Radius * 14;
            double ly = !loop ? y + 4 : y + (y - Centre) / Radius * 14 + 4;
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"node\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{NodeRadius}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx:0.#}\" y=\"{ly:0.#}\" text-anchor=\"{anchor}\">{Escape(nodes[i])}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static readonly string[] States = ["pending", "confirmed", "failed", "released"];

    private static List<(double X, double Y)> Layout(bool loop, int count, int givers)
    {
        var at = new List<(double, double)>(count);
        for (int i = 0; i < count; i++)
        {
            if (loop)
            {
                double angle = -Math.PI / 2 + 2 * Math.PI * i / count;
                at.Add((Centre + Radius * Math.Cos(angle), Centre + Radius * Math.Sin(angle)));
            }
            else
            {
                // A chain reads top to bottom: the donor lot's owner first, the pool (a receiver that gives nothing) last.
                at.Add((40, 20 + 40 * (i < givers ? givers - 1 - i : i)));
            }
        }
        return at;
    }

    private static string Escape(string text) => HtmlEncoder.Default.Encode(text);
}
