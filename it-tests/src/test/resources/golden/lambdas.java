import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fn1;
import dev.ruchy.runtime.Fn2;
import dev.ruchy.runtime.FnN;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.Ops;
import java.util.List;

/**
 * Generated from lambdas.ruchy.
 */
public final class Lambdas {
    private Lambdas() {
    }

    public static void main(String[] args) {
        // Closures passed to array methods: values are dynamic inside the lambda.
        var numbers = Lists.of(1L, 2L, 3L, 4L, 5L, 6L);
        List<Long> evens = Ops.<Long>asList(Ops.invoke(numbers, "filter", (Fn1) x -> Ops.eq(Ops.rem(x, 2L), 0L)));
        List<Object> doubled = Ops.<Object>asList(Ops.invoke(evens, "map", (Fn1) x -> Ops.mul(x, 2L)));
        Builtins.println(doubled);
        // expect: [4, 8, 12]
        var total = Ops.invoke(numbers, "reduce", 0L, (Fn2) (acc, x) -> Ops.add(acc, x));
        Builtins.println(total);
        // expect: 21
        var five = (FnN) fnArgs -> {
            var arguments = Ops.arguments(fnArgs, 5);
            var a = arguments[0];
            var b = arguments[1];
            var c = arguments[2];
            var d = arguments[3];
            var e = arguments[4];
            return Ops.add(Ops.sub(Ops.add(a, Ops.mul(b, c)), d), e);
        };
        Builtins.println(Ops.call(five, 1L, 2L, 3L, 4L, 5L));
    }
}
