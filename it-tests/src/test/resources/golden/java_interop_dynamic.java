import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Ops;
import java.util.UUID;

/**
 * A Java value that flows into a dynamic place (here a variable that holds a UUID on one path and a
 * string on another) is called by name at run time, through the runtime's reflective path.
 *
 * <p>Generated from java_interop_dynamic.ruchy.
 */
public final class JavaInteropDynamic {
    private JavaInteropDynamic() {
    }

    static Object pick(boolean flag) {
        return flag ? UUID.fromString("123e4567-e89b-12d3-a456-426614174000") : "none";
    }

    public static void main(String[] args) {
        var value = pick(true);
        Builtins.println(Ops.invoke(value, "toString")); // expect: 123e4567-e89b-12d3-a456-426614174000
        Builtins.println(Ops.invoke(value, "version")); // expect: 1
        var other = pick(false);
        Builtins.println(Ops.invoke(other, "len")); // expect: 4
        var sb = value == null ? "" : new StringBuilder();
        Ops.invoke(sb, "append", "dyn");
        Builtins.println(Ops.invoke(sb, "length")); // expect: 3
    }
}
