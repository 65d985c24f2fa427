package dev.ruchy.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A Ruchy integer range {@code start..end} or {@code start..=end} (ruchy-semantics §2.1). Displays as
 * {@code 1..5} / {@code 1..=5} (§2.2). A range whose end is below its start is empty ({@code 5..0}, §4.6).
 *
 * <p>Open ranges, as slices write them ({@code xs[..3]}, {@code xs[2..]}), are built by
 * {@link Ops#range}: a missing start is {@code 0}, a missing end is {@link #OPEN_END} (exclusive), which
 * displays as {@code 2..}.
 *
 * @param start     first value
 * @param end       last value if {@code inclusive}, else one past the last value
 * @param inclusive {@code true} for {@code ..=}
 */
public record Range(long start, long end, boolean inclusive) implements Iterable<Long> {
    /** The end of a range written without one ({@code 2..}): {@link Long#MAX_VALUE}, exclusive. */
    public static final long OPEN_END = Long.MAX_VALUE;

    /** Whether the range was written without an end ({@code 2..}). */
    public boolean openEnd() {
        return end == OPEN_END && !inclusive;
    }

    /** Whether {@code value} lies in the range. */
    public boolean contains(long value) {
        return value >= start && (inclusive ? value <= end : value < end);
    }

    /** The values in ascending order. */
    @Override
    public Iterator<Long> iterator() {
        return new Iterator<>() {
            private long next = start;
            private boolean done = inclusive ? start > end : start >= end;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public Long next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                long value = next;
                if (inclusive ? value == end : value + 1 == end) {
                    done = true;
                } else {
                    next = value + 1;
                }
                return value;
            }
        };
    }

    /**
     * The values as a new mutable Ruchy array of {@code Long}.
     *
     * @throws RuchyError {@code Runtime error: Cannot collect the open range 2.. into an array}
     */
    public List<Object> toList() {
        if (openEnd()) {
            throw RuchyError.runtime("Cannot collect the open range " + this + " into an array");
        }
        List<Object> values = new ArrayList<>();
        for (Long value : this) {
            values.add(value);
        }
        return values;
    }

    /** The Display form, {@code 1..5}, {@code 1..=5}, or {@code 2..} for an open end. */
    @Override
    public String toString() {
        return openEnd() ? start + ".." : start + (inclusive ? "..=" : "..") + end;
    }
}
