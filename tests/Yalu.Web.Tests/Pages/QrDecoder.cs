using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Yalu.Web.Tests.Pages;

/// <summary>
/// Reads a page's QR code back as a phone would: the SVG's dark rectangles are painted into a
/// grey-scale picture (four pixels a module), and ZXing finds and decodes the code in it.
/// </summary>
internal static partial class QrDecoder
{
    /// <summary>The text of the first <c>svg.qr</c> on <paramref name="html"/>.</summary>
    public static string Decode(string html)
    {
        var svg = SvgPattern().Match(html);
        Assert.True(svg.Success, "no QR code on the page");
        int size = int.Parse(svg.Groups["size"].Value, CultureInfo.InvariantCulture);
        const int Scale = 4;
        int pixels = size * Scale;
        var gray = Enumerable.Repeat((byte)255, pixels * pixels).ToArray();
        foreach (Match run in RunPattern().Matches(svg.Groups["d"].Value))
        {
            int x = int.Parse(run.Groups[1].Value, CultureInfo.InvariantCulture), y = int.Parse(run.Groups[2].Value, CultureInfo.InvariantCulture);
            int length = int.Parse(run.Groups[3].Value, CultureInfo.InvariantCulture);
            for (int py = y * Scale; py < (y + 1) * Scale; py++)
                for (int px = x * Scale; px < (x + length) * Scale; px++)
                    gray[(py * pixels) + px] = 0;
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(gray, pixels, pixels, RGBLuminanceSource.BitmapFormat.Gray8)));
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.CHARACTER_SET] = "UTF-8", [DecodeHintType.TRY_HARDER] = true };
        var result = new QRCodeReader().decode(bitmap, hints);
        Assert.True(result is not null, "ZXing found no QR code in the page's SVG");
        return result.Text;
    }

    [GeneratedRegex("<svg class=\"qr\"[^>]*viewBox=\"0 0 (?<size>\\d+) \\d+\".*?<path class=\"qr-dark\" d=\"(?<d>[^\"]*)\"", RegexOptions.Singleline)]
    private static partial Regex SvgPattern();

    [GeneratedRegex("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z")]
    private static partial Regex RunPattern();
}
