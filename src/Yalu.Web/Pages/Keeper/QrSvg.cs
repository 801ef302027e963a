using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using QRCoder;
using QRCoder.Exceptions;

namespace Yalu.Web.Pages.Keeper;

/// <summary>
/// A QR code as SVG, drawn on the server: QRCoder encodes the text (UTF-8, error correction level M,
/// the smallest version that holds it, the four-module quiet zone included) and this class draws
/// the dark modules as one path, row by row, each run of dark modules one rectangle. No style
/// attribute and no script, so the page keeps its content security policy; the colours are
/// keeper.css's.
/// </summary>
internal static class QrSvg
{
    /// <summary>The modules of the QR code of <paramref name="text"/> (true is dark), quiet zone included; null when the text does not fit in a QR code.</summary>
    public static bool[][]? Modules(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
            return [.. data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray())];
        }
        catch (DataTooLongException)
        {
            return null;
        }
    }

    /// <summary>The SVG markup of <paramref name="modules"/>; <paramref name="label"/> is its accessible name.</summary>
    public static string Draw(bool[][] modules, string id, string label)
    {
        ArgumentNullException.ThrowIfNull(modules);
        int size = modules.Length;
        var path = new StringBuilder();
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                if (!modules[y][x]) continue;
                int start = x;
                while (x + 1 < size && modules[y][x + 1]) x++;
                path.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{x - start + 1}v1h-{x - start + 1}z");
            }
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\" role=\"img\" aria-labelledby=\"{id}-t\">"
            + $"<title id=\"{id}-t\">{HtmlEncoder.Default.Encode(label)}</title><rect class=\"qr-light\" width=\"{size}\" height=\"{size}\"/><path class=\"qr-dark\" d=\"{path}\"/></svg>");
    }
}
