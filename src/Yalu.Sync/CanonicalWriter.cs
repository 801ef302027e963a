using System.Buffers.Binary;
using System.Text;

namespace Yalu.Sync;

/// <summary>
/// Writes Yalu's canonical binary encoding: fixed-size integers big-endian, lengths and counts as
/// minimal unsigned LEB128 varints, strings as length-prefixed UTF-8, byte strings length-prefixed,
/// no maps. A value written field by field in a fixed order always gives the same bytes, so the bytes
/// can be hashed and signed; <see cref="CanonicalReader"/> reads them back and refuses every other
/// encoding of the same value. Not thread-safe.
/// </summary>
public sealed class CanonicalWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private byte[] _buffer;
    private int _length;

    /// <summary>A writer with room for <paramref name="capacity"/> bytes before it grows (default 256).</summary>
    public CanonicalWriter(int capacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _buffer = new byte[Math.Max(capacity, 16)];
    }

    /// <summary>The number of bytes written.</summary>
    public int Length => _length;

    /// <summary>The bytes written so far (valid until the next write).</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>A copy of the bytes written.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear() => _length = 0;

    /// <summary>Zeroes the buffer and forgets what was written (after writing secrets).</summary>
    internal void Wipe()
    {
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(_buffer);
        _length = 0;
    }

    /// <summary>One byte.</summary>
    public void WriteByte(byte value) => Reserve(1)[0] = value;

    /// <summary>A boolean as one byte, 0 or 1.</summary>
    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    /// <summary>An unsigned 32-bit integer, 4 bytes big-endian.</summary>
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Reserve(4), value);

    /// <summary>A signed 64-bit integer, 8 bytes big-endian (two's complement).</summary>
    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64BigEndian(Reserve(8), value);

    /// <summary>An unsigned integer as a minimal LEB128 varint (1 to 10 bytes).</summary>
    public void WriteVarUInt(ulong value)
    {
        var span = Reserve(VarUIntSize(value));
        int i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i] = (byte)value;
    }

    /// <summary>Bytes as they are, without a length (for fields of fixed size: keys, hashes, signatures).</summary>
    public void WriteFixed(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>A byte string: its length as a varint, then the bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        WriteVarUInt((ulong)bytes.Length);
        WriteFixed(bytes);
    }

    /// <summary>A string: its UTF-8 length as a varint, then the UTF-8 bytes. A string with a lone surrogate (not Unicode) throws.</summary>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int count;
        try
        {
            count = StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("the string is not valid Unicode (a lone surrogate)", nameof(value), e);
        }
        WriteVarUInt((ulong)count);
        StrictUtf8.GetBytes(value, Reserve(count));
    }

    /// <summary>An instant as its UTC ticks (100 ns since 0001-01-01), 8 bytes big-endian; the offset is not kept.</summary>
    public void WriteTimestamp(DateTimeOffset value) => WriteInt64(value.UtcTicks);

    /// <summary>A node id, its 16 bytes.</summary>
    public void WriteNodeId(NodeId value) => value.WriteTo(Reserve(NodeId.Size));

    /// <summary>The size of <paramref name="value"/> as a varint.</summary>
    public static int VarUIntSize(ulong value)
    {
        int size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            long wanted = Math.Max((long)_buffer.Length * 2, (long)_length + count);
            if (wanted > Array.MaxLength) wanted = Math.Max(Array.MaxLength, _length + count);
            Array.Resize(ref _buffer, checked((int)wanted));
        }
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
