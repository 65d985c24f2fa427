import dev.ruchy.runtime.Builtins;

/**
 * A top-level variable used by a function becomes a static field.
 *
 * <p>Generated from globals.ruchy.
 */
public final class Globals {
    private static long counter = 0L;

    private Globals() {
    }

    static long increment() {
        counter = counter + 1;
        return counter;
    }

    static void main() {
        increment();
        increment();
        Builtins.println(increment()); // expect: 3
        Builtins.println(counter); // expect: 3
    }

    public static void main(String[] args) {
        main();
    }
}
