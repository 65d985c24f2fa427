import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.RuchyName;

/**
 * Generated from struct_record.ruchy.
 */
public final class StructRecord {
    private StructRecord() {
    }

    public static void main(String[] args) {
        var a = Point.new_(0.0, 0.0);
        var b = Point.new_(3.0, 4.0);
        Builtins.println(a.distance(b)); // expect: 5.0
        Builtins.println(b); // expect: Point {x: 3.0, y: 4.0}
    }

    static record Point(double x, double y) {
        @Override
        public String toString() {
            return Fmt.display(this);
        }

        @RuchyName("new")
        public static Point new_(double x, double y) {
            return new Point(x, y);
        }

        public double distance(Point other) {
            var dx = this.x - other.x();
            var dy = this.y - other.y();
            return Builtins.sqrt(dx * dx + dy * dy);
        }
    }
}
