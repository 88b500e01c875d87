package org.lemsbridge.files;

/**
 * Writes a float exactly as JDK 17's {@link Float#toString(float)} does, as ASCII bytes, without allocating.
 *
 * <p>JDK 17 prints the shortest decimal that lies strictly inside the float's rounding interval (the closest one
 * when several do, ties to an even digit), at least two digits in E-notation, except where its algorithm does
 * otherwise; those cases are reproduced here:
 * <ul>
 * <li>integers below 2<sup>63</sup> are printed by rounding to a fixed number of digits for their binary exponent,
 * which is not always the shortest ({@link #integer});</li>
 * <li>when the significand is a power of two the interval is taken as half as wide on both sides;</li>
 * <li>when one digit would do in E-notation, the second digit is found by generating one more digit after the first
 * one found by an estimate of the decimal exponent, which is sometimes one too high ({@link #twoDigits});</li>
 * <li>from 2<sup>63</sup> to 10<sup>26</sup> it computes in 64-bit integers, which can overflow ({@link #huge}).</li>
 * </ul>
 * {@code FloatTextExhaustive} (test sources) compares every float with {@code Float.toString}.
 */
public final class FloatText {

    /** The longest text written, e.g. {@code -1.17549435E-38}. */
    public static final int MAX_LENGTH = 15;

    static final int K_MIN = -47;

    /**
     * G[k - K_MIN] is 10<sup>-k</sup> scaled by a power of two into [2<sup>63</sup>, 2<sup>64</sup>) (unsigned),
     * rounded up when inexact; the scale is 2<sup>63 - floor(-k log2 10)</sup>.
     */
    static final long[] G = {
        0x8C213D9DA502DE46L, 0xE0352F62A19E306FL, 0xB35DBF821AE4F38CL,
        0x8F7E32CE7BEA5C70L, 0xE596B7B0C643C71AL, 0xB7ABC627050305AEL,
        0x92EFD1B8D0CF37BFL, 0xEB194F8E1AE525FEL, 0xBC143FA4E250EB32L,
        0x96769950B50D88F5L, 0xF0BDC21ABB48DB21L, 0xC097CE7BC90715B4L,
        0x9A130B963A6C115DL, 0xF684DF56C3E01BC7L, 0xC5371912364CE306L,
        0x9DC5ADA82B70B59EL, 0xFC6F7C4045812297L, 0xC9F2C9CD04674EDFL,
        0xA18F07D736B90BE6L, 0x813F3978F8940985L, 0xCECB8F27F4200F3AL,
        0xA56FA5B99019A5C8L, 0x84595161401484A0L, 0xD3C21BCECCEDA100L,
        0xA968163F0A57B400L, 0x878678326EAC9000L, 0xD8D726B7177A8000L,
        0xAD78EBC5AC620000L, 0x8AC7230489E80000L, 0xDE0B6B3A76400000L,
        0xB1A2BC2EC5000000L, 0x8E1BC9BF04000000L, 0xE35FA931A0000000L,
        0xB5E620F480000000L, 0x9184E72A00000000L, 0xE8D4A51000000000L,
        0xBA43B74000000000L, 0x9502F90000000000L, 0xEE6B280000000000L,
        0xBEBC200000000000L, 0x9896800000000000L, 0xF424000000000000L,
        0xC350000000000000L, 0x9C40000000000000L, 0xFA00000000000000L,
        0xC800000000000000L, 0xA000000000000000L, 0x8000000000000000L,
        0xCCCCCCCCCCCCCCCDL, 0xA3D70A3D70A3D70BL, 0x83126E978D4FDF3CL,
        0xD1B71758E219652CL, 0xA7C5AC471B478424L, 0x8637BD05AF6C69B6L,
        0xD6BF94D5E57A42BDL, 0xABCC77118461CEFDL, 0x89705F4136B4A598L,
        0xDBE6FECEBDEDD5BFL, 0xAFEBFF0BCB24AAFFL, 0x8CBCCC096F5088CCL,
        0xE12E13424BB40E14L, 0xB424DC35095CD810L, 0x901D7CF73AB0ACDAL,
        0xE69594BEC44DE15CL, 0xB877AA3236A4B44AL, 0x9392EE8E921D5D08L,
        0xEC1E4A7DB69561A6L, 0xBCE5086492111AEBL, 0x971DA05074DA7BEFL,
        0xF1C90080BAF72CB2L, 0xC16D9A0095928A28L, 0x9ABE14CD44753B53L,
        0xF79687AED3EEC552L, 0xC612062576589DDBL, 0x9E74D1B791E07E49L,
        0xFD87B5F28300CA0EL, 0xCAD2F7F5359A3B3FL, 0xA2425FF75E14FC32L,
        0x81CEB32C4B43FCF5L,
    };

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L,
    };

    /** "00", "01", ... "99" */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private FloatText() {
    }

    /** The same text as a String. */
    public static String toString(float value) {
        byte[] text = new byte[MAX_LENGTH];
        int length = write(value, text, 0);
        return new String(text, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Writes the text of {@code value} at {@code at} (at most {@link #MAX_LENGTH} bytes); returns the end. */
    public static int write(float value, byte[] into, int at) {
        int bits = Float.floatToRawIntBits(value);
        int exponentBits = (bits >>> 23) & 0xFF;
        int fraction = bits & 0x7FFFFF;
        if (exponentBits == 0xFF) {
            String text = fraction != 0 ? "NaN" : bits < 0 ? "-Infinity" : "Infinity";
            for (int i = 0; i < text.length(); i++) {
                into[at++] = (byte) text.charAt(i);
            }
            return at;
        }
        if (bits < 0) {
            into[at++] = '-';
        }
        if (exponentBits == 0 && fraction == 0) {
            into[at] = '0';
            into[at + 1] = '.';
            into[at + 2] = '0';
            return at + 3;
        }
        // value = c * 2^q
        int c = exponentBits == 0 ? fraction : fraction | 0x800000;
        int q = exponentBits == 0 ? -149 : exponentBits - 150;
        if (q <= 39 && (q >= 0 || Integer.numberOfTrailingZeros(c) >= -q)) {
            return integer(q >= 0 ? (long) c << q : c >> -q, q + 23, into, at);
        }
        if (q >= 40) { // v >= 2^63; from the estimate 10^26 on JDK 17 computes exactly, as general() does
            int estimate = estimateExponent(c, q);
            if (estimate <= 25) {
                return huge(c, q, estimate, into, at);
            }
        }
        return general(c, q, into, at);
    }

    /**
     * An integer n < 2^63 whose highest bit is 2^binaryExponent: rounded half up to drop
     * floor((binaryExponent - 25) log10 2) digits, then without trailing zeros.
     */
    private static int integer(long n, int binaryExponent, byte[] into, int at) {
        int dropped = binaryExponent > 25 ? floorLog10Pow2(binaryExponent - 25) : 0;
        if (dropped > 0) {
            long scale = POW10[dropped];
            long rest = n % scale;
            n /= scale;
            if (rest >= scale >> 1) {
                n++;
            }
        }
        int digits = (int) n;
        int count = digitCount(digits);
        int exponent = count - 1 + dropped;
        while (digits % 10 == 0) {
            digits /= 10;
            count--;
        }
        return format(digits, count, exponent, into, at);
    }

    /**
     * Everything else: the shortest decimal strictly inside (v - h, v + h), where h is half the spacing of floats at
     * v, or a quarter of it when c is a power of two.
     *
     * <p>With k = floor(log10 2h), scaled values x 10^-k are computed as 4x in round-to-odd (floor, with the low bit
     * set when inexact), which keeps every comparison with an even integer exact. The interval is then at least one
     * unit wide, so it holds s = floor(v) or s + 1, and at most one multiple of ten.
     */
    private static int general(int c, int q, byte[] into, int at) {
        int half = (c & (c - 1)) == 0 ? 1 : 2;
        int k = floorLog10Pow2(half == 2 ? q : q - 1);
        long cb = (long) c << 2;
        long g = G[k - K_MIN];
        int shift = q + 1 + floorLog2Pow10(-k);
        long vb = roundToOdd(g, cb << shift);
        long vbl = roundToOdd(g, cb - half << shift);
        long vbr = roundToOdd(g, cb + half << shift);
        long s = vb >> 2;
        long tens = s / 10 * 10;
        long digits;
        if (vbl < tens << 2) {
            digits = tens;
        } else if (tens + 10 << 2 < vbr) {
            digits = tens + 10;
        } else {
            long t = s + 1;
            boolean sInside = vbl < s << 2;
            boolean tInside = t << 2 < vbr;
            if (sInside && tInside) {
                long fromMiddle = vb - (s << 2) - 2;
                digits = fromMiddle < 0 || fromMiddle == 0 && (s & 1) == 0 ? s : t;
            } else {
                digits = sInside ? s : t;
            }
        }
        int d = (int) digits;
        int count = digitCount(d);
        int exponent = k + count - 1;
        while (d % 10 == 0) {
            d /= 10;
            count--;
        }
        if (count == 1 && (exponent < -2 || exponent >= 7)) {
            return twoDigits(c, q, k, s, d, exponent, into, at);
        }
        return format(d, count, exponent, into, at);
    }

    /**
     * A one-digit result d x 10^exponent near or in E-notation. JDK 17 finds the first digit at its estimate of the
     * decimal exponent; when that is E-notation it always generates a second digit and rounds there. When the
     * estimate is one too high the first digit is 0, and rounding up at the next digit reaches 10^estimate.
     */
    private static int twoDigits(int c, int q, int k, long s, int d, int exponent, byte[] into, int at) {
        int half = (c & (c - 1)) == 0 ? 1 : 2;
        boolean below = d == 1 && s < POW10[exponent - k]; // v < 10^exponent
        int first = below ? exponent - 1 : exponent;
        int estimate = estimateExponent(c, q);
        int level;
        int leading;
        if (estimate == first + 1 && below) {
            if (!eNotation(exponent)) {
                return format(d, 1, exponent, into, at);
            }
            level = exponent - 1;
            leading = exponent;
        } else {
            if (!eNotation(first)) {
                return format(d, 1, exponent, into, at);
            }
            level = first - 1;
            leading = first;
        }
        // candidates t and t + 1 at 10^level: the one inside, or the closer, ties to even
        int base = Math.min(level, k);
        long vb = scaled(c, q, base, 0);
        long vbl = scaled(c, q, base, -half);
        long vbr = scaled(c, q, base, half);
        long unit = POW10[level - base];
        long t = (vb >> 2) / unit;
        boolean tInside = vbl < t * unit << 2;
        boolean upInside = (t + 1) * unit << 2 < vbr;
        long fromMiddle = vb - (2 * t + 1) * unit * 2;
        long chosen = tInside && (!upInside || fromMiddle < 0 || fromMiddle == 0 && (t & 1) == 0) ? t : t + 1;
        if (chosen == 100) {
            // 99 rounded up: the digits stay two, "10", one place higher
            return format(10, 2, leading + 1, into, at);
        }
        return format((int) chosen, 2, leading, into, at);
    }

    /**
     * 2^63 <= v < 10^26: JDK 17 generates these digits with 64-bit integers b / s (what remains of v) and m / s (h),
     * both scaled by 10 per digit, and there b + m can overflow and end on the lower of two candidates. Emulated here,
     * overflow included; the first digit is at the estimated exponent, and E-notation always takes a second one.
     */
    private static int huge(int c, int q, int estimate, byte[] into, int at) {
        int exponent = estimate;
        long s = 1;
        for (int i = 0; i < exponent; i++) {
            s *= 5;
        }
        long tens = 10 * s;
        long b = (long) c << q - exponent;
        long m = 1L << q - exponent - ((c & (c - 1)) == 0 ? 2 : 1);
        long digit = b / s;
        b = 10 * (b % s);
        m *= 10;
        long digits = 0;
        int count = 0;
        if (digit == 0 && b + m <= tens) {
            exponent--;
        } else {
            digits = digit;
            count = 1;
        }
        boolean low;
        boolean high;
        do {
            digit = b / s;
            b = 10 * (b % s);
            m *= 10;
            low = m <= 0 || b < m;
            high = m <= 0 || b + m > tens;
            digits = digits * 10 + digit;
            count++;
        } while (!low && !high);
        long fromMiddle = 2 * b - tens;
        if (high && (!low || fromMiddle > 0 || fromMiddle == 0 && (digits & 1) != 0)) {
            digits++;
            if (digits == POW10[count]) {
                digits /= 10;
                exponent++;
            }
        }
        return format((int) digits, count, exponent, into, at);
    }

    /** 4 x 10^-k (v + delta 2^(q-2)) in round-to-odd. */
    private static long scaled(int c, int q, int k, int delta) {
        return roundToOdd(G[k - K_MIN], ((long) c << 2) + delta << q + 1 + floorLog2Pow10(-k));
    }

    private static boolean eNotation(int exponent) {
        return exponent < -3 || exponent >= 8;
    }

    /** JDK 17's estimate of floor(log10 v) from the tangent of log10 at 1.5: exact or one too high. */
    private static int estimateExponent(int c, int q) {
        int leadingZeros = Integer.numberOfLeadingZeros(c);
        int binaryExponent = 31 - leadingZeros + q;
        long fractionBits = ((long) c << leadingZeros + 21) & 0xFFFFFFFFFFFFFL;
        double mantissa = Double.longBitsToDouble(0x3FF0000000000000L | fractionBits);
        double estimate = (mantissa - 1.5) * 0.289529654 + 0.176091259 + binaryExponent * 0.301029995663981;
        return (int) Math.floor(estimate);
    }

    /** floor(g x cp / 2^64), with the lowest bit set when the rest is not zero; g is unsigned, 0 <= cp < 2^63. */
    private static long roundToOdd(long g, long cp) {
        long high = Math.multiplyHigh(g, cp) + cp;
        long low = g * cp;
        return high | (low == 0 ? 0 : 1);
    }

    /** floor(e log10 2) for |e| <= 1600. */
    static int floorLog10Pow2(int e) {
        return (int) (e * 1262611L >> 22);
    }

    /** floor(e log2 10) for |e| <= 1600. */
    static int floorLog2Pow10(int e) {
        return (int) (e * 1741647L >> 19);
    }

    /** The number of decimal digits of n > 0. */
    private static int digitCount(int n) {
        int guess = (32 - Integer.numberOfLeadingZeros(n)) * 1233 >>> 12; // floor(log10 2^bits)
        return n >= POW10[guess] ? guess + 1 : guess;
    }

    /** The digits of {@code digits} (exactly {@code count} of them) with the first at 10^exponent. */
    private static int format(int digits, int count, int exponent, byte[] into, int at) {
        if (exponent >= 0 && exponent < 7) {
            int whole = exponent + 1;
            if (count <= whole) {
                at = putDigits(digits, count, into, at);
                for (int i = count; i < whole; i++) {
                    into[at++] = '0';
                }
                into[at] = '.';
                into[at + 1] = '0';
                return at + 2;
            }
            int scale = (int) POW10[count - whole];
            int high = digits / scale;
            at = putDigits(high, whole, into, at);
            into[at++] = '.';
            return putDigits(digits - high * scale, count - whole, into, at);
        }
        if (exponent < 0 && exponent >= -3) {
            into[at++] = '0';
            into[at++] = '.';
            for (int i = -1; i > exponent; i--) {
                into[at++] = '0';
            }
            return putDigits(digits, count, into, at);
        }
        int scale = (int) POW10[count - 1];
        int lead = digits / scale;
        into[at++] = (byte) ('0' + lead);
        into[at++] = '.';
        if (count > 1) {
            at = putDigits(digits - lead * scale, count - 1, into, at);
        } else {
            into[at++] = '0';
        }
        into[at++] = 'E';
        if (exponent < 0) {
            into[at++] = '-';
            exponent = -exponent;
        }
        if (exponent >= 10) {
            into[at++] = (byte) ('0' + exponent / 10);
        }
        into[at++] = (byte) ('0' + exponent % 10);
        return at;
    }

    /** Exactly {@code count} digits of n, with leading zeros. */
    private static int putDigits(int n, int count, byte[] into, int at) {
        int i = at + count;
        while (i - at >= 2) {
            int pair = (n % 100) << 1;
            n /= 100;
            into[--i] = PAIRS[pair + 1];
            into[--i] = PAIRS[pair];
        }
        if (i > at) {
            into[--i] = (byte) ('0' + n % 10);
        }
        return at + count;
    }
}
