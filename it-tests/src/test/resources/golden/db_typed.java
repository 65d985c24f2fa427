import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.db.Database;
import java.util.List;

/**
 * A database in memory: db::connect is a Database, so statements and queries are Java calls on it.
 * A row is an object (RObject) whose fields are the table's columns: what they hold is known
 * only at run time, so a field read is dynamic (Object). find gives nil when there is no such
 * row, and a field read on that fails as on any nil.
 *
 * <p>Generated from db_typed.ruchy.
 */
public final class DbTyped {
    private DbTyped() {
    }

    public static void main(String[] args) {
        var database = Database.connect("sqlite::memory:");
        database.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT, votes INTEGER)");
        var first = database.insert("posts", RObject.of("title", "Hello", "votes", 3L));
        database.insert("posts", RObject.of("title", "World", "votes", 5L));
        long changed = database.update("posts", first, RObject.of("votes", 4L));
        List<RObject> rows = database.query("SELECT title, votes FROM posts WHERE votes > ? ORDER BY id",
                LongList.of(3L));
        Builtins.println(rows.size() + " rows, " + changed + " changed, " + database.count("posts")
                + " in all");
        for (RObject row : rows) {
            Builtins.println(Fmt.interpolate(row.get("title")) + ": "
                    + Fmt.interpolate(row.get("votes")));
        }
        Builtins.println(RObject.fieldOf(database.find("posts", first), "title"));
        var gone = database.find("posts", 999L);
        if (!Ops.truthy(gone)) {
            Builtins.println("no row 999");
        }
        try {
            Builtins.println(RObject.fieldOf(gone, "title"));
        } catch (RuchyError error) {
            Object e = error.caught();
            Builtins.println(Ops.field(e, "message"));
        }
        Builtins.println(database.delete("posts", first));
        Builtins.println(database.tables());
        database.close();
        // expect: 2 rows, 1 changed, 2 in all
        // expect: Hello: 4
        // expect: World: 5
        // expect: Hello
        // expect: no row 999
        // expect: Cannot access field 'title' on nil
        // expect: 1
        // expect: ["posts"]
    }
}
