package dev.ruchy.runtime.sample;

import dev.ruchy.runtime.RuchyEnum;
import dev.ruchy.runtime.RuchyName;
import dev.ruchy.runtime.RuchyStruct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Types shaped like the transpiler's output (java-shape.md §4): package-private, in a package other
 * than the runtime's, so printing must read them the way it will read generated code.
 */
public final class Generated {
    private Generated() {
    }

    // enum Shape { Dot, Circle(f64), Rect(f64, f64) }
    sealed interface Shape extends RuchyEnum {
        record Dot() implements Shape {
        }

        record Circle(double r) implements Shape {
        }

        record Rect(double w, double h) implements Shape {
        }
    }

    // enum Color { Red, Green }
    enum Color implements RuchyEnum { Red, Green }

    enum Plain { ALPHA }

    // struct Counter { n: i32, step: i32 = 1 }
    record Counter(long n, long step) {
    }

    // struct Pt { y, x } : fields print sorted
    record Pt(long y, long x) {
    }

    // struct User { user_name: String, age: i32 }
    record User(@RuchyName("user_name") String userName, long age) {
    }

    @RuchyName("http_req")
    record HttpReq(String path) {
    }

    // struct Login { user_name: String, default: i64 } with its fields assigned: a class
    static final class Login implements RuchyStruct {
        @RuchyName("user_name")
        public String userName = "ann";
        @RuchyName("default")
        public long default_ = 1;

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("user_name", userName);
            fields.put("default", default_);
            return fields;
        }
    }

    // a struct with mutable fields
    static final class Account implements RuchyStruct {
        String owner = "Ann";
        double balance = 10.0;

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("owner", owner);
            fields.put("balance", balance);
            return fields;
        }
    }

    // struct Rectangle { width: f64, height: f64 } with impl methods, as the transpiler may emit them
    record Rectangle(double width, double height) {
        double area() {
            return width * height;
        }

        Rectangle scaled(long k) {
            return new Rectangle(width * k, height * k);
        }

        @RuchyName("get_label")
        String getLabel() {
            return "rect";
        }

        String camelOnly() {
            return "not renamed";
        }

        @RuchyName("notify")
        long notify_() {
            return 41;
        }

        @RuchyName("to_string")
        String toString_() {
            return "a rectangle";
        }

        int sides() {
            return 4;
        }
    }

    // a runtime service object: a mutable class with a Java-named method
    static final class Mailbox {
        final List<Object> received = new ArrayList<>();
        @RuchyName("max_size")
        long maxSize = 10;
        long camelField = 1;

        void send(Object message) {
            received.add(message);
        }

        @RuchyName("size_of")
        long sizeOf(List<?> items) {
            return items.size();
        }
    }

    public static Object rectangle(double width, double height) {
        return new Rectangle(width, height);
    }

    public static Object mailbox() {
        return new Mailbox();
    }

    public static List<Object> received(Object mailbox) {
        return ((Mailbox) mailbox).received;
    }

    public static Object dot() {
        return new Shape.Dot();
    }

    public static Object circle(double r) {
        return new Shape.Circle(r);
    }

    public static Object rect(double w, double h) {
        return new Shape.Rect(w, h);
    }

    public static Object red() {
        return Color.Red;
    }

    public static Object plainEnum() {
        return Plain.ALPHA;
    }

    public static Object counter(long n, long step) {
        return new Counter(n, step);
    }

    public static Object pt(long x, long y) {
        return new Pt(y, x);
    }

    public static Object user(String name, long age) {
        return new User(name, age);
    }

    public static Object httpReq(String path) {
        return new HttpReq(path);
    }

    public static Object login() {
        return new Login();
    }

    public static Object account() {
        return new Account();
    }
}
