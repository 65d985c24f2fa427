import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Checked;
import dev.ruchy.runtime.Lists;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.Strings;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Ruchy calls the JDK with plain typed Java: `use` imports a class, `Class::method(...)` is a static
 * call, `Class::new(...)` a constructor, and a value of a Java class has its Java methods. Overloads
 * are chosen as javac chooses them; a closure where Java takes a functional interface is a lambda.
 *
 * <p>Generated from java_interop_jdk.ruchy.
 */
public final class JavaInteropJdk {
    private static final List<Long> doubled = new ArrayList<>();

    private JavaInteropJdk() {
    }

    static String describe(Duration d) {
        return d.toMinutes() + " minutes";
    }

    static long byLength(String a, String b) {
        return Strings.len(a) - Strings.len(b);
    }

    public static void main(String[] args) {
        var id = UUID.randomUUID();
        Builtins.println(Strings.len(id.toString())); // expect: 36
        Builtins.println((long) id.version()); // expect: 4
        Builtins.println((long) UUID.fromString("123e4567-e89b-12d3-a456-426614174000").variant()); // expect: 2
        // Java's String methods on Ruchy strings, where Ruchy has no method of that name
        Builtins.println("shout".toUpperCase()); // expect: SHOUT
        Builtins.println((long) "a-b-c".lastIndexOf("-")); // expect: 3
        Builtins.println(String.valueOf("abc".charAt(1))); // expect: b
        // overloads: Math.max(long, long) for integers, Math.max(double, double) for floats
        Builtins.println(Math.max(3L, 7L)); // expect: 7
        Builtins.println(Math.max(2.5, 1.0)); // expect: 2.5
        Builtins.println((long) Integer.MAX_VALUE); // expect: 2147483647
        Builtins.println((long) Integer.parseInt("42") + 1); // expect: 43
        Builtins.println(String.format("%s has %d items", "cart", 3L)); // expect: cart has 3 items
        Builtins.println(String.join("+", List.of("a", "b"))); // expect: a+b
        // instance methods, chained; append(long), append(String), append(boolean) by argument type
        var sb = new StringBuilder("<");
        sb.append(42L).append("|").append(true);
        sb.append(">");
        Builtins.println(sb.toString()); // expect: <42|true>
        Builtins.println((long) sb.length()); // expect: 9
        var day = LocalDate.of(2024, 2, 28).plusDays(1L);
        Builtins.println(day); // expect: 2024-02-29
        Builtins.println(day.getDayOfWeek()); // expect: THURSDAY
        Builtins.println(describe(Duration.ofHours(2L))); // expect: 120 minutes
        // generic classes: a List<E>'s methods take and give its element type
        List<Long> xs = List.of(3L, 1L, 2L);
        Builtins.println(xs); // expect: [3, 1, 2]
        var names = new ArrayList<String>();
        names.add("pear");
        names.add("fig");
        names.add("banana");
        Collections.sort(names, (a, b) -> Math.toIntExact(Strings.len(a) - Strings.len(b)));
        Builtins.println(names); // expect: ["fig", "pear", "banana"]
        var words = Lists.of("kiwi", "fig", "banana");
        Collections.sort(words, (x0, x1) -> Math.toIntExact(byLength(x0, x1)));
        Builtins.println(words); // expect: ["fig", "kiwi", "banana"]
        Collections.sort(words);
        Builtins.println(words); // expect: ["banana", "fig", "kiwi"]
        var counts = new HashMap<String, Long>();
        counts.put("a", 1L);
        counts.merge("a", 5L, (x, y) -> x);
        Builtins.println(counts.containsKey("a")); // expect: true
        var copied = new HashMap<>((RObject.of("b", 2L, "c", 3L)).toMap()); // a Ruchy object where Java takes a Map: converted
        Builtins.println((long) copied.size()); // expect: 2
        // a closure where Java takes a Runnable
        var worker = new Thread(() -> {
            Builtins.println("in a thread");
        });
        worker.start();
        Checked.run(() -> worker.join()); // expect: in a thread
        // a Ruchy array is a java.util.List: its Java methods where Ruchy has none of that name
        var fruit = Lists.of("apple", "fig", "cherry");
        Builtins.println(fruit.stream().map(s -> Strings.len(s)).toList()); // expect: [5, 3, 6]
        Builtins.println((long) fruit.stream().mapToInt(s -> Math.toIntExact(Strings.len(s))).sum()); // expect: 14
        Builtins.println(Collections.max(fruit)); // expect: fig
        // an IntConsumer's int is a Ruchy integer inside the closure
        IntStream.range(0, 3).forEach(iArg -> {
            long i = iArg;
            Lists.push(doubled, i * 2);
        });
        Builtins.println(doubled); // expect: [0, 2, 4]
        // a Java Iterable in a for loop, a Java enum constant as a pattern
        var sorted = new TreeSet<String>();
        sorted.add("b");
        sorted.add("a");
        for (String s : sorted) {
            Builtins.println(s.toUpperCase(Locale.ROOT));
        }
        // expect: A
        // expect: B
        var subject = LocalDate.of(2024, 3, 4).getDayOfWeek();
        if (Objects.equals(subject, DayOfWeek.MONDAY)) {
            Builtins.println("a Monday");
        } else {
            Builtins.println("another day");
        }
        // expect: a Monday
        Builtins.println(Objects.equals(LocalDate.of(2024, 3, 4), LocalDate.parse("2024-03-04"))); // expect: true
        // nested classes by path, a Map's entries in a for loop
        var pair = new AbstractMap.SimpleEntry<String, String>("k", "v");
        Builtins.println(pair.getKey() + pair.getValue()); // expect: kv
        var prices = new TreeMap<String, String>();
        prices.put("b", "2");
        prices.put("a", "1");
        for (Map.Entry<String, String> entry : prices.entrySet()) {
            Builtins.println(entry.getKey() + "=" + entry.getValue());
        }
        // expect: a=1
        // expect: b=2
        // a generic class made without type arguments takes them from the calls on it
        var seen = new ArrayList<String>();
        seen.add("x");
        Builtins.println(seen.get(0).toUpperCase(Locale.ROOT)); // expect: X
        var anything = new ArrayList<>();
        anything.add(1L);
        anything.add("one");
        Builtins.println(anything); // expect: [1, "one"]
    }
}
