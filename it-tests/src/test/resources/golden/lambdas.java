import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fn2;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.Ops;
import java.util.List;

/**
 * Closures passed to array methods: typed by the elements where the method has a typed form
 * (filter, map); reduce and a closure of five parameters take dynamic values.
 *
 * <p>Generated from lambdas.ruchy.
 */
public final class Lambdas {
    private Lambdas() {
    }

    public static void main(String[] args) {
        var numbers = LongList.of(1L, 2L, 3L, 4L, 5L, 6L);
        List<Long> evens = Lists.filter(numbers, x -> x % 2 == 0);
        List<Long> doubled = Lists.map(evens, x -> x * 2);
        Builtins.println(doubled); // expect: [4, 8, 12]
        var total = Ops.invoke(numbers, "reduce", 0L, (Fn2) (acc, x) -> Ops.add(acc, x));
        Builtins.println(total); // expect: 21
        var five = Ops.fn(5, fnArgs -> {
            var a = fnArgs[0];
            var b = fnArgs[1];
            var c = fnArgs[2];
            var d = fnArgs[3];
            var e = fnArgs[4];
            return Ops.add(Ops.sub(Ops.add(a, Ops.mul(b, c)), d), e);
        });
        Builtins.println(Ops.call(five, 1L, 2L, 3L, 4L, 5L)); // expect: 8
    }
}
