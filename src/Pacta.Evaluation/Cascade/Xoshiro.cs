using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Pacta.Evaluation.Cascade;

/// <summary>xoshiro256** (Blackman and Vigna): small, fast, and reproducible on every platform; seeded with SplitMix64.</summary>
internal struct Xoshiro
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    public static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong Next()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }
}

/// <summary>
/// Four independent xoshiro256** streams side by side in 256-bit vectors: 256 random bits per step. The multiplications
/// by 5 and 9 are shifts and adds, so every operation is a vector instruction with AVX2. Seeded from a scalar
/// generator's next 16 outputs.
/// </summary>
internal struct Xoshiro4
{
    private Vector256<ulong> _s0, _s1, _s2, _s3;

    public Xoshiro4(ref Xoshiro seed)
    {
        _s0 = Vector256.Create(seed.Next(), seed.Next(), seed.Next(), seed.Next());
        _s1 = Vector256.Create(seed.Next(), seed.Next(), seed.Next(), seed.Next());
        _s2 = Vector256.Create(seed.Next(), seed.Next(), seed.Next(), seed.Next());
        _s3 = Vector256.Create(seed.Next(), seed.Next(), seed.Next(), seed.Next());
    }

    /// <summary>
    /// 256 bits each set with probability k / 2^16 (0 &lt; k &lt; 2^16): from the bits of k, least significant first,
    /// <c>m = bit ? m | r : m &amp; r</c> with a fresh random vector r for each. The state stays in registers meanwhile.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // with the lane kernel (LaneKernel.Run says why)
    public Vector256<ulong> Bernoulli(int k)
    {
        var (s0, s1, s2, s3) = (_s0, _s1, _s2, _s3);
        var tz = BitOperations.TrailingZeroCount(k);
        k >>= tz;
        var m = Vector256<ulong>.Zero;
        for (var i = tz; i < 16; i++, k >>= 1)
        {
            var r = Step(ref s0, ref s1, ref s2, ref s3);
            // m | r where the bit of k is set, m & r where not, without a branch on k.
            var bit = Vector256.Create((ulong)-(long)(k & 1));
            m = (m & r) | (bit & (m ^ r));
        }
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
        return m;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Step(ref Vector256<ulong> s0, ref Vector256<ulong> s1, ref Vector256<ulong> s2, ref Vector256<ulong> s3)
    {
        var x5 = (s1 << 2) + s1;
        var rot = (x5 << 7) | (x5 >>> 57);
        var result = (rot << 3) + rot;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 45) | (s3 >>> 19);
        return result;
    }
}
