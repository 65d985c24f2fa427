import dev.ruchy.runtime.Builtins;

/**
 * Comments travel into the Java: above a function they become its Javadoc,
 * elsewhere they stay line comments (an empty `//` line too).
 *
 * <p>Generated from comments.ruchy.
 */
public final class Comments {
    private Comments() {
    }

    /**
     * Adds one.
     */
    static long inc(long n) {
        // the only step
        return n + 1;
    }

    public static void main(String[] args) {
        //
        Builtins.println(inc(41)); // expect: 42
    }
}
