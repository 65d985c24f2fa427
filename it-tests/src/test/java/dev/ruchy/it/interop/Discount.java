package dev.ruchy.it.interop;

/** A project's own functional interface (JavaInteropTest): a closure passed for it is its lambda. */
@FunctionalInterface
public interface Discount {
    long apply(long cents);

    default Discount then(Discount next) {
        return cents -> next.apply(apply(cents));
    }
}
