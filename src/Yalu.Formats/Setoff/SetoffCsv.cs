using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Yalu.Market.Setoff;

namespace Yalu.Formats.Setoff;

/// <summary>
/// Writes a set-off per obligation as CSV: <c>debtor,creditor,amount,setoff,remainder</c> (with
/// <c>id</c> first when the list had ids), one line per obligation in the order read, names as
/// read — the shape of informalsystems/mtcs's set-off notices, every obligation listed.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class SetoffCsv
{
    /// <summary>Writes <paramref name="result"/> of <paramref name="list"/> to <paramref name="output"/> (UTF-8, LF line ends).</summary>
    public static void Write(Stream output, ObligationList list, SetoffResult result)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(result);
        if (!ReferenceEquals(list.Network, result.Network))
            throw new ArgumentException("the result is of another network", nameof(result));
        var ids = list.Ids;
        // Names are encoded once each, not once per line.
        var names = list.Parties.Select(Encoding.UTF8.GetBytes).ToArray();
        byte[] idHead = ids is null ? [] : "id,"u8.ToArray();
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        buffer.Write(idHead);
        buffer.Write("debtor,creditor,amount,setoff,remainder\n"u8);
        var network = list.Network;
        for (int i = 0; i < network.Count; i++)
        {
            var o = network[i];
            if (ids is not null)
            {
                Encoding.UTF8.GetBytes(ids[i], buffer);
                buffer.Write(","u8);
            }
            buffer.Write(names[o.Debtor]);
            buffer.Write(","u8);
            buffer.Write(names[o.Creditor]);
            buffer.Write(","u8);
            Number(buffer, o.Amount);
            buffer.Write(","u8);
            Number(buffer, result.Setoff(i));
            buffer.Write(","u8);
            Number(buffer, result.Remainder(i));
            buffer.Write("\n"u8);
            if (buffer.WrittenCount > (1 << 16) - 1024)
            {
                output.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }
        output.Write(buffer.WrittenSpan);
    }

    private static void Number(ArrayBufferWriter<byte> buffer, long value)
    {
        var span = buffer.GetSpan(20);
        if (!Utf8Formatter.TryFormat(value, span, out int written)) throw new InvalidOperationException("a 64-bit number needs at most 20 bytes");
        buffer.Advance(written);
    }
}
