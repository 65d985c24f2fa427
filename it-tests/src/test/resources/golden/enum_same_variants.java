import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.RuchyEnum;
import dev.ruchy.runtime.RuchyError;

/**
 * Generated from enum_same_variants.ruchy.
 */
public final class EnumSameVariants {
    private EnumSameVariants() {
    }

    public static void main(String[] args) {
        B subject = new B.X("hi");
        switch (subject) {
            case B.X(var s) -> Builtins.println(s);
            case B.Z() -> Builtins.println("z");
            case null -> throw RuchyError.noMatch(subject);
        }
        // expect: hi
        A a = new A.X(3L);
        switch (a) {
            case A.X(var n) -> Builtins.println(n + 1);
            case A.Y() -> Builtins.println("y");
            case null -> throw RuchyError.noMatch(a);
        }
        // expect: 4
    }

    /**
     * Two enums may both have a variant X: a qualified path names its own enum's. A match on a variant
     * built in place tests every variant of its enum.
     */
    sealed interface A extends RuchyEnum permits A.X, A.Y {
        record X(long value) implements A {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }

        record Y() implements A {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }
    }

    sealed interface B extends RuchyEnum permits B.X, B.Z {
        record X(String value) implements B {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }

        record Z() implements B {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }
    }
}
