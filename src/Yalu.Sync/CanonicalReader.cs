using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Yalu.Sync;

/// <summary>
/// Reads <see cref="CanonicalWriter"/>'s encoding from outside bytes, refusing every non-canonical
/// form: overlong varints, booleans other than 0 and 1, invalid or overlong UTF-8, lengths above the
/// field's limit, counts larger than the remaining bytes could hold, and bytes left over at the end.
/// <para>
/// The first failure sticks: every later read returns a default value and <see cref="Error"/> keeps
/// the first error, which names the field and its byte offset. So a decoder reads all its fields and
/// checks <see cref="Error"/> (or calls <see cref="Finish{T}"/>) once, and never throws for bad input.
/// </para>
/// </summary>
public ref struct CanonicalReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _what;
    private int _position;

    /// <summary>A reader over <paramref name="data"/>; <paramref name="what"/> names the whole value in messages (e.g. "event").</summary>
    public CanonicalReader(ReadOnlySpan<byte> data, string what = "data", string errorCode = SyncCodes.OutOfRange)
    {
        _data = data;
        _what = what;
        _position = 0;
        Error = null;
        ErrorCode = errorCode;
    }

    /// <summary>The code given to structural errors that have no code of their own (see <see cref="Fail(string, string)"/>).</summary>
    public string ErrorCode { get; }

    /// <summary>The first error, or null.</summary>
    public SyncError? Error { get; private set; }

    /// <summary>The offset of the next byte to read.</summary>
    public readonly int Position => _position;

    /// <summary>The bytes not read yet.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>True when every byte has been read.</summary>
    public readonly bool AtEnd => _position == _data.Length;

    /// <summary>Records an error at the current offset (unless an earlier one stands); the caller's own check failed.</summary>
    public void Fail(string field, string message) => Fail(ErrorCode, field, message);

    /// <summary>Records an error with a given code at the current offset (unless an earlier one stands).</summary>
    public void Fail(string code, string field, string message) => FailAt(code, _position, field, message);

    private void FailAt(string code, int offset, string field, string message)
    {
        if (Error is not null) return;
        Error = new SyncError(code, $"{_what}, byte {offset}: {field}: {message}");
        _position = _data.Length; // nothing more is read after a failure
    }

    /// <summary>The value when every byte was read without error; otherwise the error (trailing bytes are one).</summary>
    public SyncResult<T> Finish<T>(T value)
    {
        if (Error is null && !AtEnd)
            FailAt(SyncCodes.TrailingData, _position, "end", $"{Remaining} bytes left over after the {_what}");
        return Error is null ? SyncResult.Ok(value) : SyncResult.Fail<T>(Error);
    }

    private bool Need(int count, string field)
    {
        if (Error is not null) return false;
        if (Remaining >= count) return true;
        FailAt(SyncCodes.EndOfData, _position, field, $"needs {count} bytes, {Remaining} left");
        return false;
    }

    /// <summary>One byte.</summary>
    public byte ReadByte(string field)
    {
        if (!Need(1, field)) return 0;
        return _data[_position++];
    }

    /// <summary>A boolean: one byte, 0 or 1.</summary>
    public bool ReadBool(string field)
    {
        int at = _position;
        byte b = ReadByte(field);
        if (b > 1) FailAt(SyncCodes.NonCanonical, at, field, $"a boolean must be 0 or 1, not {b}");
        return b == 1;
    }

    /// <summary>An unsigned 32-bit integer, 4 bytes big-endian.</summary>
    public uint ReadUInt32(string field)
    {
        if (!Need(4, field)) return 0;
        uint value = BinaryPrimitives.ReadUInt32BigEndian(_data.Slice(_position, 4));
        _position += 4;
        return value;
    }

    /// <summary>A signed 64-bit integer, 8 bytes big-endian.</summary>
    public long ReadInt64(string field)
    {
        if (!Need(8, field)) return 0;
        long value = BinaryPrimitives.ReadInt64BigEndian(_data.Slice(_position, 8));
        _position += 8;
        return value;
    }

    /// <summary>A signed 64-bit integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long ReadInt64(string field, long min, long max)
    {
        int at = _position;
        long value = ReadInt64(field);
        if (Error is null && (value < min || value > max))
        {
            FailAt(SyncCodes.OutOfRange, at, field, $"{value} is outside {min}..{max}");
            return 0;
        }
        return value;
    }

    /// <summary>A minimal LEB128 varint (no trailing zero groups, at most 64 bits).</summary>
    public ulong ReadVarUInt(string field)
    {
        int at = _position;
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (!Need(1, field)) return 0;
            byte b = _data[_position++];
            if (shift == 63 && b > 1)
            {
                FailAt(SyncCodes.OutOfRange, at, field, "varint above 64 bits");
                return 0;
            }
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (b == 0 && shift > 0)
                {
                    FailAt(SyncCodes.NonCanonical, at, field, "overlong varint (a trailing zero group)");
                    return 0;
                }
                return value;
            }
        }
    }

    /// <summary>A varint length or count no larger than <paramref name="max"/>.</summary>
    public int ReadLength(string field, int max)
    {
        int at = _position;
        ulong value = ReadVarUInt(field);
        if (Error is not null) return 0;
        if (value > (ulong)max)
        {
            FailAt(SyncCodes.OutOfRange, at, field, $"length {value} is above the limit {max}");
            return 0;
        }
        return (int)value;
    }

    /// <summary>
    /// A count of elements each at least <paramref name="minElementBytes"/> long: refused when the
    /// remaining bytes could not hold that many, so a forged count never makes a reader allocate.
    /// </summary>
    public int ReadCount(string field, int minElementBytes, int max = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minElementBytes, 1);
        int at = _position;
        int count = ReadLength(field, max);
        if (Error is null && count > Remaining / minElementBytes)
        {
            FailAt(SyncCodes.OutOfRange, at, field, $"count {count} cannot fit in the {Remaining} bytes left");
            return 0;
        }
        return count;
    }

    /// <summary>Exactly <paramref name="count"/> bytes, without a length (keys, hashes, signatures); empty after an error.</summary>
    public ReadOnlySpan<byte> ReadFixed(int count, string field)
    {
        if (!Need(count, field)) return ReadOnlySpan<byte>.Empty;
        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    /// <summary>A length-prefixed byte string of at most <paramref name="maxLength"/> bytes, as a view of the input.</summary>
    public ReadOnlySpan<byte> ReadBytes(string field, int maxLength)
    {
        int length = ReadLength(field, maxLength);
        return ReadFixed(length, field);
    }

    /// <summary>A length-prefixed UTF-8 string of at most <paramref name="maxBytes"/> bytes; invalid or overlong UTF-8 is refused.</summary>
    public string ReadString(string field, int maxBytes)
    {
        int at = _position;
        var bytes = ReadBytes(field, maxBytes);
        if (Error is not null) return "";
        if (!Utf8.IsValid(bytes))
        {
            FailAt(SyncCodes.NonCanonical, at, field, "not valid UTF-8");
            return "";
        }
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>An instant written by <see cref="CanonicalWriter.WriteTimestamp"/> (UTC ticks), returned with offset zero.</summary>
    public DateTimeOffset ReadTimestamp(string field)
    {
        long ticks = ReadInt64(field, 0, DateTimeOffset.MaxValue.UtcTicks);
        return Error is null ? new DateTimeOffset(ticks, TimeSpan.Zero) : default;
    }

    /// <summary>A node id, its 16 bytes.</summary>
    public NodeId ReadNodeId(string field)
    {
        var bytes = ReadFixed(NodeId.Size, field);
        return Error is null ? NodeId.FromBytes(bytes) : default;
    }
}
