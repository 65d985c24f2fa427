import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Checked;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A Java method that declares a checked exception is called through the runtime's Checked, in a
 * lambda. A local the call reads that Java would not take as effectively final (one reassigned, a
 * loop's counter) is passed in as the lambda's parameter, not captured.
 *
 * <p>Generated from java_interop_checked.ruchy.
 */
public final class JavaInteropChecked {
    private JavaInteropChecked() {
    }

    public static void main(String[] args) {
        var worker = new Thread(() -> {
            Builtins.println("first worker");
        });
        worker.start();
        Checked.run(worker, (Thread workerNow) -> workerNow.join()); // expect: first worker
        worker = new Thread(() -> {
            Builtins.println("second worker");
        });
        worker.start();
        Checked.run(worker, (Thread workerNow) -> workerNow.join()); // expect: second worker
        var dir = Checked.call(() -> Files.createTempDirectory("checked"));
        var name = "a.txt";
        var text = "alpha";
        Checked.call(name, text, (String nameNow, String textNow) ->
                Files.writeString(dir.resolve(nameNow), textNow));
        name = "b.txt";
        text = "beta";
        var folder = dir;
        folder = dir;
        Checked.call(folder, name, text, (Path folderNow, String nameNow, String textNow) ->
                Files.writeString(folderNow.resolve(nameNow), textNow)); // three reassigned locals
        Builtins.println(Checked.call(name, (String nameNow) ->
                Files.readString(dir.resolve(nameNow)))); // expect: beta
        var suffix = ".txt";
        suffix = ".md";
        // more than three go in an Object[] (not dynamic: each is cast back to its type)
        Checked.call(new Object[] {folder, name, suffix, text}, (Object[] now) -> {
            Path folderNow = (Path) now[0];
            String nameNow = (String) now[1];
            String suffixNow = (String) now[2];
            String textNow = (String) now[3];
            return Files.writeString(folderNow.resolve(nameNow + suffixNow), textNow);
        });
        Builtins.println(Checked.call(() -> Files.readString(dir.resolve("b.txt.md")))); // expect: beta
        // a part printed as statements before the call reads the local there: it is copied into a local first
        var n = 2L;
        var nameNow = name;
        String value;
        if (n == 2) {
            value = nameNow.toUpperCase(Locale.ROOT);
        } else {
            value = "none";
        }
        Checked.call(() -> Files.writeString(dir.resolve("m.txt"), value));
        Builtins.println(Checked.call(() -> Files.readString(dir.resolve("m.txt")))); // expect: B.TXT
        for (long i = 0; i < 3; i++) {
            Checked.call(i, (Long iNow) -> Files.writeString(dir.resolve(iNow + ".txt"), "n"
                    + iNow)); // a loop's counter
        }
        Builtins.println(Checked.call(() -> Files.readString(dir.resolve("2.txt")))); // expect: n2
    }
}
