package dev.ruchy.runtime;

/**
 * A local variable that a closure captures and reassigns (ruchy-semantics §4.7.4): Java lambdas can
 * only capture effectively final locals, so {@code let mut total = 0; let add = |n| { total += n }}
 * becomes {@code var total = new Cell<>(0L); Fn1 add = n -> { total.set(total.get() + (long) n); ... }}.
 *
 * <p>The value is {@code volatile}: a write by one thread is seen by the next read on any other. A
 * read followed by a write is not atomic; shared counters updated from several threads need their own
 * locking.
 *
 * @param <T> the variable's type, {@code Object} where it is dynamic
 */
public final class Cell<T> {
    private volatile T value;

    /** A cell holding {@code value} ({@code null} for nil). */
    public Cell(T value) {
        this.value = value;
    }

    /** The current value. */
    public T get() {
        return value;
    }

    /** Replaces the value. */
    public void set(T value) {
        this.value = value;
    }

    /** {@code Cell(<Display of the value>)}, for debugging. */
    @Override
    public String toString() {
        return "Cell(" + Fmt.display(value) + ")";
    }
}
