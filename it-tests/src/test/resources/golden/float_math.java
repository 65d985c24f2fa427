import dev.ruchy.runtime.Builtins;

/**
 * Generated from float_math.ruchy.
 */
public final class FloatMath {
    private FloatMath() {
    }

    static double circleArea(double r) {
        return 3.14159 * r * r;
    }

    public static void main(String[] args) {
        var area = circleArea(2.0);
        Builtins.println(area); // expect: 12.56636
        Builtins.println(10.0 / 4.0); // expect: 2.5
        Builtins.println(7L / 2L, 7L % 3L, -7L / 2L); // expect: 3 1 -3
        Builtins.println(1.0 + 2); // expect: 3.0
        Builtins.println(Builtins.sqrt(16.0)); // expect: 4.0
    }
}
