package dev.ruchy.runtime;

/**
 * The one formatter behind {@code println}, {@code print}, f-strings and string conversion
 * (ruchy-semantics §2). All methods are pure and thread-safe.
 *
 * <p>Which method the generated code calls:
 * <ul>
 *   <li>{@link #display}: Display form (§2.2), e.g. {@code to_string(x)}, nested values, {@code print}.</li>
 *   <li>{@link #toStr}: top-level conversion where strings stay raw: {@code str(x)}, {@code join},
 *       println arguments.</li>
 *   <li>{@link #interpolate}: an f-string {@code {expr}} without spec (§2.5).</li>
 *   <li>{@link #format}: an f-string {@code {expr:spec}} (Rust-style spec, project Decisions).</li>
 *   <li>{@link #plain}: a float in {@code "text" + x} and {@code x.to_string()} (§2.6).</li>
 *   <li>{@link #fixed}: a float with {@code N} decimals (§3.9).</li>
 *   <li>{@link #substitute}: Rust {@code {}} placeholders, as println's placeholder mode (§2.3) and
 *       {@code s.format(...)} use them.</li>
 *   <li>{@link #debug}: the interpreter's Debug dump ({@code dbg}, {@code Uncaught exception: ...}).</li>
 * </ul>
 */
public final class Fmt {
    private Fmt() {
    }

    /**
     * The Display form (§2.2): {@code 3.0}, {@code 0.30000000000000004}, {@code "a"} (strings quoted,
     * not escaped), {@code [1, "a"]}, {@code (5)}, {@code {age: 7, name: "Ann"}} (keys sorted by byte
     * order), {@code Pt {x: 1, y: 2}}, {@code Circle(2.0)}, {@code Some(2)}, {@code 1..=5},
     * {@code <function>}, {@code nil}.
     *
     * @param value any Ruchy value, {@code null} for nil
     */
    public static String display(Object value) {
        return Renderer.render(value, Renderer.Mode.DISPLAY);
    }

    /** A top-level string conversion (§2.3, §2.6 {@code str(x)}): strings raw, everything else {@link #display}. */
    public static String toStr(Object value) {
        return value instanceof String s ? s : display(value);
    }

    /**
     * An f-string {@code {expr}} without spec (§2.5): strings raw, also inside arrays, tuples and objects
     * ({@code (1, b)}, {@code [x, y]}); inside structs, enum variants and Some/Ok/Err the Display form
     * ({@code Some("z")}); everything else as {@link #display}. Object keys are sorted as in Display
     * (the interpreter uses hash order, which is unspecified).
     */
    public static String interpolate(Object value) {
        return Renderer.render(value, Renderer.Mode.INTERPOLATE);
    }

    /**
     * An f-string {@code {expr:spec}}, Rust-style (project Decisions):
     * {@code [[fill]align][sign]['#']['0'][width]['.' precision][type]}, {@code type} one of
     * {@code ? x X o b e E}. Integers and floats align right by default, everything else left; width
     * counts code points; {@code .N} gives floats N decimals as {@link #fixed} (integers are converted
     * to float first, §1.5) and cuts strings to N code points; without precision a float renders as in
     * Display ({@code 2.0}). Other values render as {@link #interpolate} and are then padded.
     * {@code ?} renders like Display but with escaped strings and Rust's Debug floats.
     * Examples: {@code format(80L, "5")} → {@code "   80"}, {@code format("ab", ">4")} → {@code "  ab"},
     * {@code format(7L, "04")} → {@code "0007"}, {@code format(12.345, ".1")} → {@code "12.3"},
     * {@code format(255L, "#x")} → {@code "0xff"}.
     *
     * @param spec the text after the {@code :}, e.g. {@code ">8"} or {@code ".2"}
     * @throws IllegalArgumentException if {@code spec} does not follow the grammar (the transpiler should
     *                                  reject such specs first)
     * @throws RuchyError               {@code Type error: Cannot format float with ':x'} when the type
     *                                  character does not apply to the value
     */
    public static String format(Object value, String spec) {
        return FormatSpec.parse(spec).format(value, Renderer.Mode.INTERPOLATE);
    }

    /**
     * Rust's plain float form (§2.6, §3.9), used by {@code "text" + x} and {@code x.to_string()}:
     * {@code 2.0} → {@code 2}, {@code 0.25} → {@code 0.25}, {@code 1e21} → {@code 1000000000000000000000},
     * {@code -0.0} → {@code -0}, {@code NaN}, {@code inf}, {@code -inf}.
     */
    public static String plain(double value) {
        return FloatFormat.plain(value);
    }

    /**
     * {@code value} with exactly {@code decimals} decimals (§3.9): the exact binary value rounded half to
     * even, so {@code fixed(0.125, 2)} → {@code 0.12}, {@code fixed(2.5, 0)} → {@code 2},
     * {@code fixed(1.005, 2)} → {@code 1.00}; the sign of negative values survives rounding to zero.
     *
     * @throws IllegalArgumentException if {@code decimals < 0}
     */
    public static String fixed(double value, int decimals) {
        return FloatFormat.fixed(value, decimals);
    }

    /**
     * The interpreter's Rust Debug dump (§2.4, §6.2): {@code Integer(5)}, {@code Float(2.0)},
     * {@code String("hi")}, {@code Bool(true)}, {@code Nil}, {@code Array([Integer(1)])}.
     */
    public static String debug(Object value) {
        return DebugDump.of(value);
    }

    /**
     * Fills Rust-style placeholders in {@code template} from {@code args}, left to right, in one pass
     * (project Decisions on println, §2.3): {@code {}} takes the next argument as {@link #toStr}
     * (strings raw, others Display), {@code {:spec}} as {@link #format} with a Display base; <code>{{</code>
     * and <code>}}</code> write one brace each. Extra arguments are dropped; placeholders without an argument,
     * and braces that are not placeholders ({@code {name}}, {@code {0}}, an invalid spec), are kept as
     * written.
     *
     * @param args the values; a {@code null} array means one nil argument
     */
    public static String substitute(String template, Object... args) {
        return Placeholders.substitute(template, args == null ? new Object[] {null} : args);
    }

    /** {@code true} if {@code template} has at least one {@code {}} or {@code {:spec}} placeholder. */
    public static boolean hasPlaceholder(String template) {
        return Placeholders.has(template);
    }
}
