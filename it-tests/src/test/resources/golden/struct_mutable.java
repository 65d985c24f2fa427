import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyStruct;
import java.util.Map;

/**
 * Generated from struct_mutable.ruchy.
 */
public final class StructMutable {
    private StructMutable() {
    }

    public static void main(String[] args) {
        var c = new Counter(0L, 5L);
        c.bump();
        c.bump();
        Builtins.println(c.count); // expect: 10
        Builtins.println(c); // expect: Counter {count: 10, step: 5}
    }

    static final class Counter implements RuchyStruct {
        public long count;

        public long step;

        Counter(long count, long step) {
            this.count = count;
            this.step = step;
        }

        @Override
        public Map<String, Object> fields() {
            return RObject.of("count", count, "step", step).snapshot();
        }

        @Override
        public String toString() {
            return Fmt.display(this);
        }

        public void bump() {
            synchronized (this) {
                this.count += this.step;
            }
        }
    }
}
