import dev.ruchy.runtime.Builtins;

/**
 * Generated from defaults_named.ruchy.
 */
public final class DefaultsNamed {
    private DefaultsNamed() {
    }

    static String greet(String name, String greeting) {
        return greeting + ", " + name + "!";
    }

    public static void main(String[] args) {
        Builtins.println(greet("Bo", "Hello")); // expect: Hello, Bo!
        Builtins.println(greet("Bo", "Hi")); // expect: Hi, Bo!
        Builtins.println(greet("Al", "Yo")); // expect: Yo, Al!
    }
}
