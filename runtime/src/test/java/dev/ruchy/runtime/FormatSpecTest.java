package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rust-style format specs in f-strings ({@code {x:spec}}), per the project Decisions. */
class FormatSpecTest {
    @ParameterizedTest(name = "{0} with spec {1} is [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            80      | 5       | '   80'
            -80     | 5       | '  -80'
            80      | <5      | '80   '
            80      | ^6      | '  80  '
            7       | 04      | 0007
            -7      | 04      | -007
            7       | +04     | +007
            7       | >04     | 0007
            7       | *<04    | 0007
            7       | .3      | 7.000
            7       | 8.2     | '    7.00'
            7       | 06.2    | 007.00
            7       | +.1     | +7.0
            5       | +       | +5
            -5      | +       | -5
            5       | -       | 5
            0       | ''      | 0
            7       | 0       | 7
            123456  | 3       | 123456
            255     | x       | ff
            255     | X       | FF
            255     | #x      | 0xff
            255     | #X      | 0xFF
            255     | #010x   | 0x000000ff
            255     | 10x     | '        ff'
            255     | <#6x    | '0xff  '
            -1      | x       | ffffffffffffffff
            5       | b       | 101
            5       | #b      | 0b101
            5       | #08b    | 0b000101
            8       | o       | 10
            8       | #o      | 0o10
            255     | +x      | +ff
            1234    | e       | 1.234e3
            1000    | e       | 1e3
            1234    | E       | 1.234E3
            -1234   | .1e     | -1.2e3
            0       | e       | 0e0
            42      | ?       | 42
            42      | >5?     | '   42'
            """)
    void integers(long value, String spec, String expected) {
        assertEquals(expected, Fmt.format(value, spec));
    }

    @ParameterizedTest(name = "{0} with spec {1} is [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            3.14159   | .2     | 3.14
            0.125     | .2     | 0.12
            2.5       | .0     | 2
            1.005     | .2     | 1.00
            12.345    | .1     | 12.3
            2.0       | ''     | 2.0
            2.0       | 8      | '     2.0'
            2.0       | <8     | '2.0     '
            2.0       | ^9     | '   2.0   '
            2.5       | +      | +2.5
            -2.5      | +      | -2.5
            0.0       | +      | +0.0
            -0.0      | ''     | -0.0
            -0.0      | .1     | -0.0
            -0.0001   | .2     | -0.00
            -3.14159  | 08.2   | -0003.14
            3.14159   | +08.2  | +0003.14
            3.14159   | _>8.2  | ____3.14
            0.1       | 010    | 00000000.1
            1e21      | ''     | 1000000000000000000000.0
            1500.0    | e      | 1.5e3
            0.00015   | E      | 1.5E-4
            1234.5    | .2e    | 1.23e3
            1e21      | e      | 1e21
            1.5e-7    | e      | 1.5e-7
            -2.0      | e      | -2e0
            0.0       | .2e    | 0.00e0
            9.99      | .1e    | 1.0e1
            2.0       | ?      | 2.0
            0.1       | ?      | 0.1
            1e21      | ?      | 1e21
            1e15      | ?      | 1000000000000000.0
            1e16      | ?      | 1e16
            0.0001    | ?      | 0.0001
            0.00001   | ?      | 1e-5
            2.5       | .3?    | 2.500
            NaN       | ''     | NaN
            NaN       | +      | NaN
            NaN       | 05     | '  NaN'
            NaN       | .2     | NaN
            Infinity  | +      | +inf
            -Infinity | 6      | '  -inf'
            Infinity  | 06     | '   inf'
            """)
    void floats(double value, String spec, String expected) {
        assertEquals(expected, Fmt.format(value, spec));
    }

    @ParameterizedTest(name = "{0} with spec {1} is [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            Ada    | >6     | '   Ada'
            Ada    | 6      | 'Ada   '
            Ada    | <6     | 'Ada   '
            Ada    | ^7     | '  Ada  '
            ab     | ^5     | ' ab  '
            x      | *^5    | **x**
            x      | -<3    | x--
            ab     | 05     | 'ab   '
            ab     | +5     | 'ab   '
            ab     | 1      | ab
            hello  | .2     | he
            hello  | >5.2   | '   he'
            hello  | .10    | hello
            héllo  | 7      | 'héllo  '
            日本    | ^6     | '  日本  '
            x      | é>3    | ééx
            x      | 😀<3   | x😀😀
            😀      | >3     | '  😀'
            😀😀    | .1     | 😀
            ''     | 3      | '   '
            ''     | ''     | ''
            hi     | ?      | '"hi"'
            hi     | >6?    | '  "hi"'
            """)
    void strings(String value, String spec, String expected) {
        assertEquals(expected, Fmt.format(value, spec));
    }

    @Test
    void stringDebugEscapes() {
        assertEquals("\"a\\\"b\\n\\t\\\\\"", Fmt.format("a\"b\n\t\\", "?"));
        assertEquals("\"\\u{1b}[0m\"", Fmt.format("\u001b[0m", "?"));
    }

    @Test
    void otherValuesPadTheirInterpolationForm() {
        assertEquals("true  ", Fmt.format(true, "6"));
        assertEquals("  true", Fmt.format(true, ">6"));
        assertEquals("nil  ", Fmt.format(null, "5"));
        assertEquals("  [x, y]", Fmt.format(List.of("x", "y"), ">8"));
        assertEquals("[x, y]", Fmt.format(List.of("x", "y"), ".1"));
        assertEquals("(1, a)  ", Fmt.format(Tuple.of(1L, "a"), "8"));
        assertEquals("{a: 1}", Fmt.format(RObject.of("a", 1L), "2"));
        assertEquals("  Some(2)", Fmt.format(Option.some(2L), ">9"));
        assertEquals("[\"x\", 2.0]", Fmt.format(List.of("x", 2.0), "?"));
        assertEquals("[1e21, \"a\\n\"]", Fmt.format(List.of(1e21, "a\n"), "?"));
        assertEquals("Some(\"z\")", Fmt.format(Option.some("z"), "?"));
    }

    @Test
    void seedProgramSpecs() {
        // f"  ✓ Port {port:5} open - {service}" and f"\nScan complete in {duration:.1}s"
        assertEquals("  ✓ Port    22 open - ssh", "  ✓ Port " + Fmt.format(22L, "5") + " open - " + Fmt.interpolate("ssh"));
        assertEquals("Scan complete in 1.2s", "Scan complete in " + Fmt.format(1.25, ".1") + "s"); // exact tie: to even
        assertEquals("Downloading: 50.0%", "Downloading: " + Fmt.format(50L, ".1") + "%");
    }

    @Test
    void digestSection15ExampleUnderTheDecisions() {
        // f"{name} {x:.2} {n:.3}" and f"[{name:>6}] [{n:04}]"
        assertEquals("Ada 3.14 7.000", Fmt.interpolate("Ada") + " " + Fmt.format(3.14159, ".2") + " " + Fmt.format(7L, ".3"));
        assertEquals("[   Ada] [0007]", "[" + Fmt.format("Ada", ">6") + "] [" + Fmt.format(7L, "04") + "]");
    }

    @Test
    void javaIntsAndBytesAreIntegers() {
        assertEquals("  5", Fmt.format(5, "3"));
        assertEquals("c8", Fmt.format((byte) 200, "x"));
        assertEquals("5.0", Fmt.format(5, ".1"));
    }

    @Test
    void widthAndPrecisionUpToRustsLimit() {
        assertEquals(65_535, Fmt.format(1L, "65535").length());
        assertThrows(IllegalArgumentException.class, () -> Fmt.format(1L, "65536"));
        assertThrows(IllegalArgumentException.class, () -> Fmt.format(1L, "99999999999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "5.", ".x", "abc", ".2f", "<<<", "x5", "+-5", "5 ", " 5x", "##x", "d"})
    void invalidSpecsAreRejected(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fmt.format(1.5, spec));
        assertEquals("invalid format spec '" + spec + "'", e.getMessage());
    }

    @Test
    void typeCharactersThatDoNotApplyAreTypeErrors() {
        RuchyError e = assertThrows(RuchyError.class, () -> Fmt.format(2.5, "x"));
        assertEquals("Type error: Cannot format float with ':x'", e.getMessage());
        e = assertThrows(RuchyError.class, () -> Fmt.format("s", "#b"));
        assertEquals("Type error: Cannot format string with ':#b'", e.getMessage());
        e = assertThrows(RuchyError.class, () -> Fmt.format(List.of(), "e"));
        assertEquals("Type error: Cannot format array with ':e'", e.getMessage());
    }
}
