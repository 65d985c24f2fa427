import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.RuchyEnum;
import dev.ruchy.runtime.RuchyError;

/**
 * Generated from enum_data.ruchy.
 */
public final class EnumData {
    private EnumData() {
    }

    static double area(Shape s) {
        return switch (s) {
            case Shape.Circle(var r) -> 3.0 * r * r;
            case Shape.Rect(var w, var h) -> w * h;
            case null -> throw RuchyError.noMatch(s);
        };
    }

    public static void main(String[] args) {
        var shapes = Lists.of(new Shape.Circle(1.0), new Shape.Rect(2.0, 3.0));
        for (Shape s : shapes) {
            Builtins.println(s, area(s));
        }
        // expect: Circle(1.0) 3.0
        // expect: Rect(2.0, 3.0) 6.0
    }

    sealed interface Shape extends RuchyEnum permits Shape.Circle, Shape.Rect {
        record Circle(double value) implements Shape {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }

        record Rect(double value0, double value1) implements Shape {
            @Override
            public String toString() {
                return Fmt.display(this);
            }
        }
    }
}
