import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.RuchyName;

/**
 * Generated from point.ruchy.
 */
public final class Point {
    private Point() {
    }

    static long norm1(Point_ p) {
        return p.x() + p.y();
    }

    public static void main(String[] args) {
        var p = new Point_(3L, 4L);
        Builtins.println(p); // expect: Point {x: 3, y: 4}
        Builtins.println(norm1(p)); // expect: 7
    }

    /**
     * A struct named like its file: Java cannot nest a class named like the class around it, so the
     * struct's class is Point_, which still prints and is reached as Point.
     */
    @RuchyName("Point")
    static record Point_(long x, long y) {
        @Override
        public String toString() {
            return Fmt.display(this);
        }
    }
}
