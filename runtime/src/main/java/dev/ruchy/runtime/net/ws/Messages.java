package dev.ruchy.runtime.net.ws;

import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.Args;
import java.util.Locale;
import java.util.Set;

/** What WebSocket sends and listeners have in common. */
final class Messages {
    private Messages() {
    }

    /** The text frame for {@code message}: a string as is, anything else as JSON. */
    static String text(Object message) {
        return message instanceof String s ? s : message instanceof Character c ? c.toString() : Builtins.toJson(message);
    }

    /**
     * Checks an event name.
     *
     * @throws RuchyError {@code Runtime error: Unknown WebSocket event 'msg': expected message, close or error}
     */
    static String event(Object event, Set<String> known) {
        String name = Args.string(event, "on() event").toLowerCase(Locale.ROOT);
        if (!known.contains(name)) {
            throw RuchyError.runtime("Unknown WebSocket event '" + name + "': expected "
                    + String.join(", ", known.stream().sorted().toList()));
        }
        return name;
    }
}
