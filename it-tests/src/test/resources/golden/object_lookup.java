import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.Strings;

/**
 * Generated from object_lookup.ruchy.
 */
public final class ObjectLookup {
    private static final RObject SERVICES = RObject.of(
            22L, "SSH",
            80L, "HTTP",
            443L, "HTTPS");

    private static final RObject SERVICES2 = RObject.of(1L, "Mon", 2L, "Tue");

    private ObjectLookup() {
    }

    /**
     * An object literal only ever read with get(key, default) is a lookup table: nothing changes
     * it, so a get gives one of its values or the default, here always a string: typed String.
     * Made of literals and only read, it is made once, as a static final field of the class.
     */
    static String serviceName(long port) {
        return (String) SERVICES.getOrDefault(port, "Unknown");
    }

    /**
     * another function's table of the same name is another field
     */
    static String dayName(long day) {
        return (String) SERVICES2.getOrDefault(day, "?");
    }

    /**
     * returned, the table is a new object at each call: the caller may change it
     */
    static RObject defaults() {
        var d = RObject.of("retries", 3L);
        return d;
    }

    public static void main(String[] args) {
        var changed = defaults();
        changed.set("retries", 4L);
        Builtins.println(defaults().get("retries"), changed.get("retries")); // expect: 3 4
        var name = serviceName(80);
        Builtins.println(Strings.len(name)); // expect: 4
        Builtins.println(serviceName(9)); // expect: Unknown
        Builtins.println(dayName(2)); // expect: Tue
        // Changed after it is made, an object's values are whatever the program put there: dynamic.
        var limits = RObject.of("low", 1L, "high", 10L);
        limits.set("high", "many");
        Builtins.println(limits.getOrDefault("high", 0L)); // expect: many
    }
}
