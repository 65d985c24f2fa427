import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyName;
import dev.ruchy.runtime.RuchyStruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generated from struct_dynamic_writes.ruchy.
 */
public final class StructDynamicWrites {
    private StructDynamicWrites() {
    }

    public static void main(String[] args) {
        var reg = RObject.of("u", new P(1L));
        var p = reg.get("u");
        Ops.setField(p, "x", 2L);
        Builtins.println(p); // expect: P {x: 2}
        var inv = Inventory.new_();
        Ops.invoke(inv, "add", new Item("a", 1L));
        var target = Ops.index(Ops.field(inv, "items"), 0L);
        Ops.updateField(target, "qty", old -> Ops.add(old, 1L));
        Builtins.println(Ops.field(Ops.index(Ops.field(inv, "items"), 0L), "qty")); // expect: 2
        var first = Ops.index(Ops.field(inv, "items"), 0L);
        Ops.setField(first, "qty", 99L);
        Builtins.println(Ops.field(Ops.index(Ops.field(inv, "items"), 0L), "qty")); // expect: 99
    }

    /**
     * Structs are shared by reference: a field written through a value whose type is not known here
     * (read from an object, or built by `Self { ... }`) makes the struct a class with mutable fields.
     * `reg` is an object holding a struct, so `p` is dynamic.
     */
    static final class P implements RuchyStruct {
        public long x;

        P(long x) {
            this.x = x;
        }

        @Override
        public Map<String, Object> fields() {
            return RObject.of("x", x).snapshot();
        }

        @Override
        public String toString() {
            return Fmt.display(this);
        }
    }

    static final class Item implements RuchyStruct {
        public String name;

        public long qty;

        Item(String name, long qty) {
            this.name = name;
            this.qty = qty;
        }

        @Override
        public Map<String, Object> fields() {
            return RObject.of("name", name, "qty", qty).snapshot();
        }

        @Override
        public String toString() {
            return Fmt.display(this);
        }
    }

    static record Inventory(List<Item> items) {
        @Override
        public String toString() {
            return Fmt.display(this);
        }

        @RuchyName("new")
        public static Object new_() {
            return new Inventory(Ops.<Item>asList(new ArrayList<>()));
        }

        public void add(Item it) {
            Lists.push(this.items, it);
        }
    }
}
