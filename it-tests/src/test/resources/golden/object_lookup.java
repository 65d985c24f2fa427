import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.Strings;

/**
 * Generated from object_lookup.ruchy.
 */
public final class ObjectLookup {
    private ObjectLookup() {
    }

    /**
     * An object literal only ever read with get(key, default) is a lookup table: nothing changes
     * it, so a get gives one of its values or the default, here always a string: typed String.
     */
    static String serviceName(long port) {
        var services = RObject.of(
                22L, "SSH",
                80L, "HTTP",
                443L, "HTTPS");
        return (String) services.getOrDefault(port, "Unknown");
    }

    public static void main(String[] args) {
        var name = serviceName(80);
        Builtins.println(Strings.len(name)); // expect: 4
        Builtins.println(serviceName(9)); // expect: Unknown
        // Changed after it is made, an object's values are whatever the program put there: dynamic.
        var limits = RObject.of("low", 1L, "high", 10L);
        limits.set("high", "many");
        Builtins.println(limits.getOrDefault("high", 0L)); // expect: many
    }
}
