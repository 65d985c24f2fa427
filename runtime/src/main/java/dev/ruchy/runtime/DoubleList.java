package dev.ruchy.runtime;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A Ruchy array the transpiler knows to hold only float elements: a growable {@code double[]} behind the
 * {@link List} interface. To every other part of the runtime and to dynamic code it is an ordinary
 * Ruchy array (printing, equality, methods, JSON, sharing by reference all go through {@link List}),
 * while generated code reads and writes its elements without boxing ({@link Lists#getDouble},
 * {@link Lists#setDouble}). Should anything store an element that is not a {@link Double} (nil, or a
 * value of another kind written by dynamic code through an alias), the list keeps its elements boxed
 * in an {@link ArrayList} from then on and behaves exactly as one: the unboxed form is a
 * representation, never a restriction.
 *
 * <p>Threads: as for the runtime's other arrays, pushes and every method of the runtime hold the
 * array's monitor; an indexed read or write takes it only off its fast path (a negative index, boxed
 * elements, a read racing a push that grows the array).
 *
 * @param <E> {@link Double} wherever generated code names the type; a type parameter rather than a
 *            fixed {@code List<Double>} so that, as for an {@link ArrayList}, the erased {@link #set} and
 *            {@link #add(int, Object)} accept any element (dynamic code may store one) instead of
 *            failing in a bridge method's cast
 */
public final class DoubleList<E> extends AbstractList<E> implements RandomAccess {
    private static final double[] EMPTY = {};

    private double[] values;
    private int size;
    /** The elements once one of them is not a {@link Double}; {@code null} while they are unboxed. */
    private ArrayList<Object> boxed;

    /** An empty array ({@code []} where the transpiler knows the element type). */
    public DoubleList() {
        values = EMPTY;
    }

    private DoubleList(double[] values) {
        this.values = values;
        this.size = values.length;
    }

    /** An array literal of float elements: a new array holding a copy of {@code items}, in order. */
    public static List<Double> of(double... items) {
        return new DoubleList<>(items.clone());
    }

    /**
     * {@code [value; count]}: {@code count} copies of {@code value}.
     *
     * @throws RuchyError {@code Runtime error: Cannot repeat an array element -1 times} for a negative
     *                    count, {@code Array of N elements is too large} beyond Java's array limit
     */
    public static List<Double> repeat(double value, long count) {
        if (count < 0) {
            throw RuchyError.runtime("Cannot repeat an array element " + count + " times");
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw RuchyError.runtime("Array of " + count + " elements is too large");
        }
        double[] items = new double[(int) count];
        Arrays.fill(items, value);
        return new DoubleList<>(items);
    }

    /**
     * {@code xs[index]}, unboxed: the element at {@code index}, a negative index counting from the end
     * (ruchy-semantics §5.4). The common case, an index within the elements held unboxed, is two field
     * reads and an array read; anything else (a negative index, boxed elements, an index out of
     * bounds, an array another thread is growing) takes the array's monitor.
     *
     * @throws RuchyError {@code Runtime error: Index 5 out of bounds for array of length 3}
     * @throws ClassCastException when the elements are boxed and this one is not a {@link Double}
     */
    public double getDouble(long index) {
        // This exact form is measured, not arbitrary: the index compared as an int, `at < size` before
        // `at >= 0` and the array read inside the try make the JIT's code for a counted loop with an int
        // counter a third faster (a matrix multiply: 1.5 ms -> 1.05 ms) than a local copy of the array
        // or the other order of the two tests.
        int at = (int) index;
        try {
            if (at == index && at < size && at >= 0) {
                return values[at];
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            // another thread grew the array between the two field reads: read again below, under the monitor
        }
        return slowGetDouble(index);
    }

    /** {@link #getDouble} off its fast path, under the monitor: a negative index, boxed elements, an error. */
    private synchronized double slowGetDouble(long index) {
        if (boxed != null) {
            return (Double) boxed.get(Lists.position(index, boxed.size(), "array"));
        }
        return values[Lists.position(index, size, "array")];
    }

    /**
     * {@code xs[index] = value}, unboxed; a negative index counts from the end. As {@link #getDouble},
     * the common case is two field reads and an array write.
     *
     * @throws RuchyError {@code Runtime error: Index 5 out of bounds for array of length 3}
     */
    public void setDouble(long index, double value) {
        int at = (int) index;
        try {
            if (at == index && at < size && at >= 0) {
                values[at] = value;
                return;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            // as in getDouble: a racing push, handled under the monitor
        }
        slowSetDouble(index, value);
    }

    /** {@link #setDouble} off its fast path, under the monitor. */
    private synchronized void slowSetDouble(long index, double value) {
        if (boxed != null) {
            boxed.set(Lists.position(index, boxed.size(), "array"), value);
        } else {
            values[Lists.position(index, size, "array")] = value;
        }
    }

    /** Appends {@code value}. */
    public void addDouble(double value) {
        if (boxed != null) {
            boxed.add(value);
        } else {
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.max(8, size + (size >> 1)));
            }
            values[size++] = value;
        }
        modCount++;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        if (boxed != null) {
            return (E) boxed.get(index);
        }
        Objects.checkIndex(index, size);
        return (E) (Double) values[index];
    }

    @Override
    public int size() {
        return boxed != null ? boxed.size() : size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E set(int index, E element) {
        if (boxed == null && element instanceof Double v) {
            Objects.checkIndex(index, size);
            double old = values[index];
            values[index] = v;
            return (E) (Double) old;
        }
        box();
        return (E) boxed.set(index, element);
    }

    /**
     * Appends {@code element}: unboxed when it is a {@link Double} and the list still is, as
     * {@link #addDouble}; anything else turns the list boxed. Generated code calls it for a push onto a local
     * array no other code can see yet ({@code row.add(0.0)}), where {@link Lists#push} would take the
     * monitor.
     */
    @Override
    public boolean add(E element) {
        if (boxed == null && element instanceof Double v) {
            addDouble(v);
        } else {
            add(size(), element);
        }
        return true;
    }

    /** Inserts {@code element} at {@code index}; one that is not a {@link Double} turns the list boxed. */
    @Override
    public void add(int index, E element) {
        if (boxed == null && element instanceof Double v) {
            Objects.checkIndex(index, size + 1);
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.max(8, size + (size >> 1)));
            }
            System.arraycopy(values, index, values, index + 1, size - index);
            values[index] = v;
            size++;
        } else {
            box();
            boxed.add(index, element);
        }
        modCount++;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E remove(int index) {
        E old;
        if (boxed != null) {
            old = (E) boxed.remove(index);
        } else {
            Objects.checkIndex(index, size);
            old = (E) (Double) values[index];
            System.arraycopy(values, index + 1, values, index, size - index - 1);
            size--;
        }
        modCount++;
        return old;
    }

    @Override
    public void clear() {
        if (boxed != null) {
            boxed.clear();
        } else {
            size = 0;
        }
        modCount++;
    }

    /**
     * The array holding the unboxed elements, for {@link DoubleRows}: its first {@link #unboxedSize}
     * entries are the elements while the list is unboxed; once boxed, an empty array.
     */
    double[] unboxedValues() {
        return values;
    }

    /** How many entries of {@link #unboxedValues} are elements: 0 once the list is boxed. */
    int unboxedSize() {
        return size;
    }

    /**
     * Whether the elements are still held unboxed in a {@code double[]}: false once something stored an
     * element that is not a {@link Double}.
     */
    public boolean isUnboxed() {
        synchronized (this) {
            return boxed == null;
        }
    }

    /** A new, independent array with the same elements (unboxed when these are). */
    public DoubleList<E> copy() {
        synchronized (this) {
            DoubleList<E> copy = new DoubleList<>(Arrays.copyOf(values, size));
            if (boxed != null) {
                copy.boxed = new ArrayList<>(boxed);
            }
            return copy;
        }
    }

    private void box() {
        if (boxed == null) {
            ArrayList<Object> all = new ArrayList<>(Math.max(size, 10));
            for (int i = 0; i < size; i++) {
                all.add(values[i]);
            }
            boxed = all;
            values = EMPTY;
            size = 0;
        }
    }
}
