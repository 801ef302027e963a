using Xunit;

namespace Yalu.Sync.Tests;

public sealed class CanonicalEncodingTests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(127UL, "7f")]
    [InlineData(128UL, "8001")]
    [InlineData(300UL, "ac02")]
    [InlineData(ulong.MaxValue, "ffffffffffffffffff01")]
    public void Varints_are_minimal_leb128(ulong value, string hex)
    {
        var writer = new CanonicalWriter();
        writer.WriteVarUInt(value);
        Assert.Equal(hex, Convert.ToHexStringLower(writer.WrittenSpan));
        var reader = new CanonicalReader(writer.WrittenSpan);
        Assert.Equal(value, reader.ReadVarUInt("v"));
        Assert.True(reader.Finish(0).Success);
    }

    [Theory]
    [InlineData("8000", SyncCodes.NonCanonical)]          // 0 written in two bytes
    [InlineData("ff7f00", SyncCodes.TrailingData)]
    [InlineData("ffffffffffffffffff02", SyncCodes.OutOfRange)] // above 64 bits
    [InlineData("80", SyncCodes.EndOfData)]
    public void Non_canonical_varints_are_refused(string hex, string code)
    {
        var reader = new CanonicalReader(Convert.FromHexString(hex));
        reader.ReadVarUInt("v");
        Assert.Equal(code, reader.Finish(0).Error?.Code);
    }

    [Fact]
    public void Bool_other_than_zero_or_one_and_bad_utf8_are_refused()
    {
        var r1 = new CanonicalReader([2]);
        r1.ReadBool("flag");
        Assert.Equal(SyncCodes.NonCanonical, r1.Error?.Code);
        var r2 = new CanonicalReader([2, 0xC0, 0x80]); // overlong NUL
        r2.ReadString("name", 10);
        Assert.Equal(SyncCodes.NonCanonical, r2.Error?.Code);
    }

    [Fact]
    public void Count_larger_than_the_bytes_could_hold_is_refused_before_allocating()
    {
        var writer = new CanonicalWriter();
        writer.WriteVarUInt(1_000_000);
        var reader = new CanonicalReader(writer.WrittenSpan);
        Assert.Equal(0, reader.ReadCount("items", 8));
        Assert.Equal(SyncCodes.OutOfRange, reader.Error?.Code);
    }

    [Fact]
    public void First_error_sticks_and_names_field_and_byte()
    {
        var reader = new CanonicalReader([1, 2, 3], "thing");
        reader.ReadByte("a");
        reader.ReadInt64("b");
        reader.ReadByte("c");
        Assert.Equal(SyncCodes.EndOfData, reader.Error?.Code);
        Assert.Equal("thing, byte 1: b: needs 8 bytes, 2 left", reader.Error?.Message);
    }

    [Fact]
    public void Lone_surrogate_cannot_be_written()
    {
        var writer = new CanonicalWriter();
        Assert.Throws<ArgumentException>(() => writer.WriteString("a\ud800b"));
    }

    [Fact]
    public void Default_result_is_a_failure_not_a_silent_success()
    {
        SyncResult<NodeCard> unset = default;
        Assert.False(unset.Success);
        Assert.Equal(SyncCodes.NoResult, unset.Error.Code);
        Assert.Throws<InvalidOperationException>(() => unset.Value);
        Assert.True(SyncResult.Ok(0).Success);
        Assert.Equal("SY004", SyncResult.Fail<int>("SY004", "x").Error?.Code);
    }
}
