import dev.ruchy.runtime.ConsoleObject;

/**
 * `console` is the runtime's ConsoleObject: log and info write to standard output as println does,
 * warn and error to standard error.
 *
 * <p>Generated from console_typed.ruchy.
 */
public final class ConsoleTyped {
    private ConsoleTyped() {
    }

    public static void main(String[] args) {
        ConsoleObject.INSTANCE.log("ready", 3L); // expect: ready 3
        ConsoleObject.INSTANCE.info("done"); // expect: done
        ConsoleObject.INSTANCE.error("to standard error");
    }
}
