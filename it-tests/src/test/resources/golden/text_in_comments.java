import dev.ruchy.runtime.Builtins;

/**
 * Text that looks like Java's own markup stays text. A comment holding C:\\users\\u000a, or
 * \\\\u0041 after an odd run of backslashes, compiles and stays one comment line.
 *
 * <p>Generated from text_in_comments.ruchy.
 */
public final class TextInComments {
    private TextInComments() {
    }

    /**
     * Joins a path under C:\\users.
     */
    static String underUsers(String name) {
        return "C:\\users\\" + name;
    }

    public static void main(String[] args) {
        var s = "a/*@99*/b";
        Builtins.println(s); // expect: a/*@99*/b
        Builtins.println("/*@7*/"); // expect: /*@7*/
        Builtins.println(underUsers("ann")); // expect: C:\\users\ann
    }
}
