import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.DoubleList;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * An array that is never filled, passed where the function takes an array of floats: the parameter
 * keeps its type (the loop's variable is a double) and the empty array is converted at the call.
 * (`empty` itself holds nothing the transpiler sees, so its elements are dynamic: a List<Object>.)
 *
 * <p>Generated from empty_array_argument.ruchy.
 */
public final class EmptyArrayArgument {
    private EmptyArrayArgument() {
    }

    static double total(List<Double> xs) {
        var t = 0.0;
        for (double x : Lists.snapshot(xs)) {
            t = t + x;
        }
        return t;
    }

    public static void main(String[] args) {
        Builtins.println(total(DoubleList.of(1.5, 2.0))); // expect: 3.5
        List<Object> empty = new ArrayList<>();
        Builtins.println(total(Ops.<Double>asList(empty))); // expect: 0.0
        Builtins.println(total(Ops.<Double>asList(new ArrayList<>()))); // expect: 0.0
    }
}
