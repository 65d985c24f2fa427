import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;

/**
 * Object keys keep their type (dynamic values): integer, float and boolean keys are not strings.
 *
 * <p>Generated from map_typed_keys.ruchy.
 */
public final class MapTypedKeys {
    private MapTypedKeys() {
    }

    public static void main(String[] args) {
        var services = RObject.of(
                21L, "FTP",
                22L, "SSH",
                443L, "HTTPS");
        Builtins.println(services.getOrDefault(21L, "Unknown")); // expect: FTP
        Builtins.println(services.getOrDefault(80L, "Unknown")); // expect: Unknown
        Builtins.println(services.getOrNull(22L), services.getOrNull(23L)); // expect: SSH nil
        Builtins.println(Ops.index(services, 22L)); // expect: SSH
        Ops.setIndex(services, 80L, "HTTP");
        Builtins.println(services.has(80L), services.has("80")); // expect: true false
        Builtins.println(services.keys()); // expect: [21, 22, 443, 80]
        Builtins.println(services.remove(21L)); // expect: FTP
        Object total = 0L;
        for (var item : Ops.iterate(services)) {
            Object port = item;
            total = Ops.add(total, port);
        }
        Builtins.println(total); // expect: 545
        Builtins.println(services); // expect: {22: "SSH", 443: "HTTPS", 80: "HTTP"}
        Builtins.println(Ops.eq(services, RObject.of(
                80L, "HTTP",
                22L, "SSH",
                443L, "HTTPS"))); // expect: true
        Builtins.println(Ops.eq(services, RObject.of(
                "80", "HTTP",
                "22", "SSH",
                "443", "HTTPS"))); // expect: false
        var mixed = RObject.of(
                -1L, "below",
                0.5, "half",
                true, "yes",
                "name", "x");
        Builtins.println(Ops.index(mixed, -1L), Ops.index(mixed, 0.5), Ops.index(mixed, true),
                Ops.index(mixed, "name")); // expect: below half yes x
        Builtins.println(mixed); // expect: {-1: "below", 0.5: "half", name: "x", true: "yes"}
        Builtins.println(Builtins.toJson(RObject.of(21L, "FTP", true, 1L))); // expect: {"21":"FTP","true":1}
        Builtins.println(Ops.invoke(Builtins.parseJson(Builtins.toJson(RObject.of(21L, "FTP"))),
                "keys")); // expect: ["21"]
    }
}
