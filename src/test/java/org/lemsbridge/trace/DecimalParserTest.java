package org.lemsbridge.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DecimalParserTest {

    private static double parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return DecimalParser.parse(bytes, 0, bytes.length);
    }

    @Property(tries = 5000)
    void parsesEveryFloatToStringLikeParseDouble(@ForAll float value) {
        String text = Float.toString(value);
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(parse(text)), text);
    }

    @Property(tries = 5000)
    void parsesEveryDoubleToStringLikeParseDouble(@ForAll double value) {
        String text = Double.toString(value);
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(parse(text)), text);
    }

    @Test
    void parsesTheFormsJlemsWrites() {
        assertEquals(5.0E-6, parse("5.0E-6"));
        assertEquals(-0.07, parse("-0.07"));
        assertEquals(-11.767775, parse("-11.767775"));
        assertEquals(1.2345678E7, parse("1.2345678E7"));
        assertEquals(15.0, parse("15"));
        assertEquals(1e3, parse("1e+3"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(parse("-0.0")));
        assertEquals(Double.NEGATIVE_INFINITY, parse("-Infinity"));
        assertEquals(Double.NaN, parse("NaN"));
        assertEquals(1.4E-45, parse("1.4E-45"));
        assertEquals(0.1234567890123456789, parse("0.1234567890123456789"));
    }

    @Test
    void rejectsWhatIsNotAPlainNumber() {
        for (String bad : new String[] {"abc", "1.0.0", "1e", "-", "0x10", "1.0d", " 1", "1,5", "--1"}) {
            assertThrows(NumberFormatException.class, () -> parse(bad), bad);
        }
    }
}
