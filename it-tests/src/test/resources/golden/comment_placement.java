import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Fn1;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RuchyEnum;
import dev.ruchy.runtime.RuchyError;
import java.util.List;

/**
 * Every comment keeps its place in the Java: this header becomes the class's Javadoc,
 * end-of-line comments end their Java line, field and variant comments document them.
 *
 * <p>Generated from comment_placement.ruchy.
 */
public final class CommentPlacement {
    private CommentPlacement() {
    }

    static String describe(Level level) {
        return switch (level) {
            case Low -> "low";
            case High -> "high";
            case null -> throw RuchyError.noMatch(level);
        };
    }

    static long total(List<Long> xs) {
        var sum = 0L; // running total
        for (long x : Lists.snapshot(xs)) {
            sum = sum + x;
            // nothing else to do for this element
        }
        return sum;
    }

    public static void main(String[] args) {
        // a comment between two functions
        var p = new Point(1L, 2L); // a literal
        Builtins.println(p.x() + p.y()); // expect: 3
        if (p.x() > 0) {
            Builtins.println(describe(Level.High)); // expect: high
            // the end of the then-branch
        }
        Builtins.println(total(LongList.of(1L, 2L, 3L))); // expect: 6
        var addOne = (Fn1) x -> {
            var y = Ops.add(x, 1L); // plus one
            return y;
            // the closure's last line
        };
        Builtins.println(Ops.call(addOne, 1L)); // expect: 2
        // the end of the file
    }

    /**
     * A point on the plane.
     *
     * @param x across
     * @param y up, not *&#47; down
     */
    static record Point(long x, long y) {
        @Override
        public String toString() {
            return Fmt.display(this);
        }
    }

    enum Level implements RuchyEnum {
        /**
         * the default
         */
        Low,

        /**
         * the loud one
         */
        High
    }
}
