using System.Numerics;
using System.Runtime.Intrinsics;

namespace Pacta.Evaluation.Cascade;

/// <summary>
/// A set of lanes (trials run side by side), one bit per lane, in words of 64. The lane kernel is generic over it so
/// that it can run 64 lanes in a plain integer or 256 in an AVX2 register with the same code.
/// </summary>
internal interface ILanes<T> where T : struct, ILanes<T>
{
    static abstract int Width { get; }
    static abstract int Words { get; }
    static abstract T Zero { get; }
    static abstract T All { get; }
    static abstract T operator &(T a, T b);
    static abstract T operator |(T a, T b);
    static abstract T operator ^(T a, T b);
    static abstract T operator ~(T a);

    /// <summary><c>a &amp; ~b</c> in one instruction (the JIT does not fuse the two for vectors).</summary>
    static abstract T AndNot(T a, T b);
    static abstract T FromWords(ReadOnlySpan<ulong> words);

    /// <summary>From the first <see cref="Width"/> bits of a vector.</summary>
    static abstract T FromVector(Vector256<ulong> bits);

    /// <summary>Lanes 0 .. <paramref name="count"/> - 1.</summary>
    static abstract T First(int count);

    bool IsZero { get; }
    ulong Word(int i);
    int PopCount();
    bool Has(int lane);
}

/// <summary>64 lanes in one integer.</summary>
internal readonly record struct Lanes64(ulong Bits) : ILanes<Lanes64>
{
    public static int Width => 64;
    public static int Words => 1;
    public static Lanes64 Zero => default;
    public static Lanes64 All => new(ulong.MaxValue);
    public static Lanes64 operator &(Lanes64 a, Lanes64 b) => new(a.Bits & b.Bits);
    public static Lanes64 operator |(Lanes64 a, Lanes64 b) => new(a.Bits | b.Bits);
    public static Lanes64 operator ^(Lanes64 a, Lanes64 b) => new(a.Bits ^ b.Bits);
    public static Lanes64 operator ~(Lanes64 a) => new(~a.Bits);
    public static Lanes64 AndNot(Lanes64 a, Lanes64 b) => new(a.Bits & ~b.Bits);
    public static Lanes64 FromWords(ReadOnlySpan<ulong> words) => new(words[0]);
    public static Lanes64 FromVector(Vector256<ulong> bits) => new(bits.GetElement(0));
    public static Lanes64 First(int count) => new(count >= 64 ? ulong.MaxValue : (1UL << count) - 1);
    public bool IsZero => Bits == 0;
    public ulong Word(int i) => Bits;
    public int PopCount() => BitOperations.PopCount(Bits);
    public bool Has(int lane) => ((Bits >> lane) & 1) != 0;
}

/// <summary>256 lanes in one 256-bit vector (a single instruction per operation with AVX2).</summary>
internal readonly struct Lanes256(Vector256<ulong> bits) : ILanes<Lanes256>
{
    private readonly Vector256<ulong> _bits = bits;

    public static int Width => 256;
    public static int Words => 4;
    public static Lanes256 Zero => default;
    public static Lanes256 All => new(Vector256<ulong>.AllBitsSet);
    public static Lanes256 operator &(Lanes256 a, Lanes256 b) => new(a._bits & b._bits);
    public static Lanes256 operator |(Lanes256 a, Lanes256 b) => new(a._bits | b._bits);
    public static Lanes256 operator ^(Lanes256 a, Lanes256 b) => new(a._bits ^ b._bits);
    public static Lanes256 operator ~(Lanes256 a) => new(~a._bits);
    public static Lanes256 AndNot(Lanes256 a, Lanes256 b) => new(Vector256.AndNot(a._bits, b._bits));
    public static Lanes256 FromWords(ReadOnlySpan<ulong> words) => new(Vector256.Create(words[0], words[1], words[2], words[3]));
    public static Lanes256 FromVector(Vector256<ulong> bits) => new(bits);

    public static Lanes256 First(int count)
    {
        Span<ulong> words = stackalloc ulong[4];
        for (var i = 0; i < 4; i++)
        {
            var n = Math.Clamp(count - 64 * i, 0, 64);
            words[i] = n == 64 ? ulong.MaxValue : (1UL << n) - 1;
        }
        return FromWords(words);
    }

    public bool IsZero => _bits == Vector256<ulong>.Zero;
    public ulong Word(int i) => _bits.GetElement(i);

    public int PopCount() =>
        BitOperations.PopCount(_bits.GetElement(0)) + BitOperations.PopCount(_bits.GetElement(1))
        + BitOperations.PopCount(_bits.GetElement(2)) + BitOperations.PopCount(_bits.GetElement(3));

    public bool Has(int lane) => ((_bits.GetElement(lane >> 6) >> (lane & 63)) & 1) != 0;
}
