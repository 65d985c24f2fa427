package dev.ruchy.runtime;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Ruchy arrays as generated code builds and reads them: mutable {@link ArrayList}s shared by reference
 * (project Decisions), nil elements allowed; arrays the transpiler knows to hold only floats or only
 * integers are {@link DoubleList}s and {@link LongList}s, read and written unboxed by
 * {@link #getDouble}, {@link #setDouble}, {@link #getLong}, {@link #setLong} and the primitive
 * {@code push} overloads. Every method here accepts any {@link List}.
 */
public final class Lists {
    private Lists() {
    }

    /**
     * An array literal {@code [a, b, c]}: a new mutable {@link ArrayList} of the items in order.
     *
     * @param items the elements, {@code null} elements for nil; a {@code null} array means one nil element
     */
    @SafeVarargs
    public static <T> List<T> of(T... items) {
        if (items == null) {
            List<T> one = new ArrayList<>(1);
            one.add(null);
            return one;
        }
        List<T> list = new ArrayList<>(items.length);
        for (T item : items) {
            list.add(item);
        }
        return list;
    }

    /**
     * {@code list[index]} (ruchy-semantics §5.4): a negative index counts from the end ({@code -1} is
     * the last element).
     *
     * @throws RuchyError {@code Runtime error: Index 5 out of bounds for array of length 3} (§6.2); the
     *                    message names the index as written
     */
    public static <T> T get(List<T> list, long index) {
        // the index compared as an int: in loops the JIT checks int bounds far more cheaply than long ones
        int at = (int) index;
        if (at == index && at >= 0 && at < list.size()) {
            try {
                return list.get(at);
            } catch (IndexOutOfBoundsException e) {
                // another thread shrank the array between the size check and the read: read again below
            }
        }
        return slowGet(list, index);
    }

    /** {@link #get} off its fast path, under the array's monitor: a negative index, an index out of bounds. */
    private static <T> T slowGet(List<T> list, long index) {
        synchronized (list) {
            return list.get(position(index, list.size(), "array"));
        }
    }

    /**
     * {@code rows[index]} read once before a loop that then reads and writes the row's elements
     * ({@code rows[i][j]}): the transpiler hoists such a read out of a loop that cannot change
     * {@code rows}, {@code index} or the rows themselves. The row as {@link #get} gives it; for an
     * index out of bounds, a stand-in array whose every use raises the error {@link #get} would have
     * raised, so that the error comes where the program uses the row, and not at all when the loop
     * never uses it.
     *
     * @param <R> the row's type, an array
     */
    @SuppressWarnings("unchecked")
    public static <R extends List<?>> R row(List<R> rows, long index) {
        int at = (int) index;
        if (at == index && at >= 0 && at < rows.size()) {
            try {
                return rows.get(at);
            } catch (IndexOutOfBoundsException e) {
                // another thread shrank the array meanwhile: as below
            }
        }
        synchronized (rows) {
            int length = rows.size();
            long from = index < 0 ? index + length : index;
            if (from < 0 || from >= length) {
                return (R) new MissingRow(index, length);
            }
            return rows.get((int) from);
        }
    }

    /**
     * A row {@link #row} gave, before an element of it is written: the row itself, or, for the stand-in
     * of a missing row, the error {@link #get} would have raised, before the value to write is evaluated.
     *
     * @throws RuchyError {@code Runtime error: Index 5 out of bounds for array of length 3}
     */
    public static <R> R checkRow(R row) {
        if (row instanceof MissingRow missing) {
            throw missing.error();
        }
        return row;
    }

    /**
     * The row {@link #row} gives for an index out of bounds: an array of which every use raises
     * {@code Runtime error: Index 5 out of bounds for array of length 3}, with the row's index and the
     * length of the array of rows.
     */
    private static final class MissingRow extends AbstractList<Object> implements RandomAccess {
        private final long index;
        private final int length;

        MissingRow(long index, int length) {
            this.index = index;
            this.length = length;
        }

        private RuchyError error() {
            return RuchyError.runtime("Index " + index + " out of bounds for array of length " + length);
        }

        @Override
        public Object get(int i) {
            throw error();
        }

        @Override
        public Object set(int i, Object element) {
            throw error();
        }

        @Override
        public int size() {
            throw error();
        }
    }

    /**
     * {@code list[index]} on an array of doubles (float elements), unboxed when the array is a {@link DoubleList};
     * otherwise as {@link #get}.
     *
     * @throws RuchyError {@code Runtime error: Index 5 out of bounds for array of length 3}, as {@link #get}
     */
    public static double getDouble(List<Double> list, long index) {
        if (list instanceof DoubleList<?> primitive) {
            return primitive.getDouble(index);
        }
        return get(list, index);
    }

    /**
     * {@code list[index] = value} on an array of doubles, unboxed when the array is a {@link DoubleList}.
     *
     * @throws RuchyError {@code Runtime error: Index 5 out of bounds for array of length 3}
     */
    public static void setDouble(List<Double> list, long index, double value) {
        if (list instanceof DoubleList<?> primitive) {
            primitive.setDouble(index, value);
        } else {
            list.set(position(index, list.size(), "array"), value);
        }
    }

    /**
     * {@code list[index]} on an array of longs (integer elements), unboxed when the array is a {@link LongList};
     * otherwise as {@link #get}.
     *
     * @throws RuchyError {@code Runtime error: Index 5 out of bounds for array of length 3}, as {@link #get}
     */
    public static long getLong(List<Long> list, long index) {
        if (list instanceof LongList<?> primitive) {
            return primitive.getLong(index);
        }
        return get(list, index);
    }

    /**
     * {@code list[index] = value} on an array of longs, unboxed when the array is a {@link LongList}.
     *
     * @throws RuchyError {@code Runtime error: Index 5 out of bounds for array of length 3}
     */
    public static void setLong(List<Long> list, long index, long value) {
        if (list instanceof LongList<?> primitive) {
            primitive.setLong(index, value);
        } else {
            list.set(position(index, list.size(), "array"), value);
        }
    }

    /**
     * {@code list[index] = value} on an array of a known element type (strings, booleans, objects...);
     * a negative index counts from the end.
     *
     * @throws RuchyError {@code Runtime error: Index 5 out of bounds for array of length 3}
     */
    public static <T> void set(List<T> list, long index, T value) {
        list.set(position(index, list.size(), "array"), value);
    }

    /**
     * {@code list.push(value)} on an array of a known element type. It holds the array's monitor, as
     * every array method of the runtime does, so pushes from many threads at once all land.
     */
    public static <T> void push(List<T> list, T value) {
        synchronized (list) {
            list.add(value);
        }
    }

    /**
     * {@code list.push(value)} on an array of floats: appended unboxed to a {@link DoubleList}, under the
     * array's monitor as {@link #push(List, Object)}.
     */
    public static void push(List<Double> list, double value) {
        synchronized (list) {
            if (list instanceof DoubleList<?> primitive) {
                primitive.addDouble(value);
            } else {
                list.add(value);
            }
        }
    }

    /**
     * {@code list.push(value)} on an array of integers: appended unboxed to a {@link LongList}, under the
     * array's monitor as {@link #push(List, Object)}.
     */
    public static void push(List<Long> list, long value) {
        synchronized (list) {
            if (list instanceof LongList<?> primitive) {
                primitive.addLong(value);
            } else {
                list.add(value);
            }
        }
    }

    /**
     * {@code xs.map(f)} on an array of a known element type: a new array of what {@code f} gives for
     * each element, in order. {@code f} sees the elements as they were when the call began, so it may
     * change the array.
     */
    @SuppressWarnings("unchecked")
    public static <T, R> List<R> map(List<T> list, Function<? super T, ? extends R> f) {
        Object[] items = list.toArray();
        List<R> mapped = new ArrayList<>(items.length);
        for (Object item : items) {
            mapped.add(f.apply((T) item));
        }
        return mapped;
    }

    /** {@code xs.filter(p)} on an array of a known element type: a new array of the elements {@code p} keeps. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> filter(List<T> list, Predicate<? super T> p) {
        List<T> kept = new ArrayList<>();
        for (Object item : list.toArray()) {
            if (p.test((T) item)) {
                kept.add((T) item);
            }
        }
        return kept;
    }

    /**
     * {@code xs.filter(f)} with a function giving any value ({@code backends.filter(|b| b.healthy)}):
     * a new array of the elements for which {@code f} gives a truthy value (anything but nil and
     * false, as the dynamic {@code filter} keeps them).
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> filterTruthy(List<T> list, Function<? super T, ?> f) {
        List<T> kept = new ArrayList<>();
        for (Object item : list.toArray()) {
            if (Ops.truthy(f.apply((T) item))) {
                kept.add((T) item);
            }
        }
        return kept;
    }

    /** {@code xs.any(p)}: whether {@code p} holds for some element; stops at the first. */
    @SuppressWarnings("unchecked")
    public static <T> boolean any(List<T> list, Predicate<? super T> p) {
        for (Object item : list.toArray()) {
            if (p.test((T) item)) {
                return true;
            }
        }
        return false;
    }

    /** {@code xs.all(p)}: whether {@code p} holds for every element; stops at the first that fails. */
    @SuppressWarnings("unchecked")
    public static <T> boolean all(List<T> list, Predicate<? super T> p) {
        for (Object item : list.toArray()) {
            if (!p.test((T) item)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code xs.sort_by(key)} on an array of a known element type: sorts it in place by the keys
     * {@code key} gives, in natural order, stably, and returns the same array.
     *
     * @throws RuchyError {@code Type error: ...} when the keys cannot be compared with each other
     */
    public static <T> List<T> sortBy(List<T> list, Function<? super T, ?> key) {
        return ArrayMethods.sortByKey(list, key);
    }

    /**
     * {@code xs.unique()}: a new array of the elements in first-seen order, each value once; values
     * are the same when they print the same in debug form ({@code 1} and {@code 1.0} differ).
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> unique(List<T> list) {
        return new ArrayList<>((java.util.Collection<T>) ArrayMethods.byIdentity(list).values());
    }

    /**
     * The elements at one instant, for a {@code for} loop over an array that closures or other
     * threads may change meanwhile: a copy taken under the array's monitor, so the loop never sees a
     * half-done change and a push during the loop is no error.
     */
    public static <T> List<T> snapshot(List<T> list) {
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }

    /**
     * {@code [value; count]}, {@code vec![value; count]}: a new array of {@code count} elements, each a
     * clone of {@code value} as Rust's {@code vec!} makes them. Arrays, objects and tuples are copied
     * deeply, so the elements are independent of each other and of {@code value}
     * ({@code vec![vec![0; 3]; 2]} is two separate rows); any other value (numbers, strings, structs,
     * enum variants, functions) is the same reference in every slot.
     *
     * @throws RuchyError {@code Runtime error: Cannot repeat an array element -1 times} for a negative count
     */
    public static <T> List<T> repeat(T value, long count) {
        if (count < 0) {
            throw RuchyError.runtime("Cannot repeat an array element " + count + " times");
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw RuchyError.runtime("Array of " + count + " elements is too large");
        }
        if (!isContainer(value)) {
            return new ArrayList<>(Collections.nCopies((int) count, value));
        }
        List<T> copies = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            @SuppressWarnings("unchecked")
            T copy = (T) deepCopy(value, new IdentityHashMap<>());
            copies.add(copy);
        }
        return copies;
    }

    private static boolean isContainer(Object value) {
        return value instanceof List<?> || value instanceof RObject || value instanceof Tuple;
    }

    /**
     * A deep copy of {@code value}: arrays, objects and tuples are rebuilt with copied contents, anything
     * else is returned as it is. {@code copied} maps each container already copied to its copy, so a
     * container reached twice (or containing itself) is copied once and the copy has the same shape.
     */
    private static Object deepCopy(Object value, Map<Object, Object> copied) {
        if (!isContainer(value)) {
            return value;
        }
        Object done = copied.get(value);
        if (done != null) {
            return done;
        }
        switch (value) {
            case DoubleList<?> primitive when primitive.isUnboxed() -> {
                DoubleList<?> copy = primitive.copy(); // floats: nothing inside to copy deeply
                copied.put(value, copy);
                return copy;
            }
            case LongList<?> primitive when primitive.isUnboxed() -> {
                LongList<?> copy = primitive.copy();
                copied.put(value, copy);
                return copy;
            }
            case List<?> list -> {
                Object[] items = list.toArray();
                List<Object> copy = new ArrayList<>(items.length);
                copied.put(value, copy);
                for (Object item : items) {
                    copy.add(deepCopy(item, copied));
                }
                return copy;
            }
            case RObject object -> {
                RObject copy = new RObject();
                copied.put(value, copy);
                object.toMap().forEach((k, v) -> copy.set(k, deepCopy(v, copied)));
                return copy;
            }
            case Tuple tuple -> {
                List<Object> elements = new ArrayList<>(tuple.elements().size());
                for (Object e : tuple.elements()) {
                    elements.add(deepCopy(e, copied));
                }
                Tuple copy = Tuple.of(elements.toArray());
                copied.put(value, copy);
                return copy;
            }
            default -> throw new IllegalStateException("not a container: " + value.getClass());
        }
    }

    /**
     * The position {@code index} designates in a sequence of {@code length} elements, negative indexes
     * counting from the end.
     *
     * @param kind {@code array}, {@code string} or {@code tuple}, for the message
     * @throws RuchyError {@code Index 5 out of bounds for <kind> of length 3}
     */
    static int position(long index, int length, String kind) {
        long at = index < 0 ? index + length : index;
        if (at < 0 || at >= length) {
            throw RuchyError.runtime("Index " + index + " out of bounds for " + kind + " of length " + length);
        }
        return (int) at;
    }
}
