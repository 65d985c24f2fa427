import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.LongList;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.db.Database;
import java.util.List;

/**
 * A database in memory: db::connect is a Database, so statements and queries are Java calls on it.
 * Rows are objects built at run time from the table's columns, hence dynamic (Object).
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
        List<Object> rows = database.query("SELECT title, votes FROM posts WHERE votes > ? ORDER BY id",
                LongList.of(3L));
        Builtins.println((long) rows.size() + " rows, " + changed + " changed, "
                + database.count("posts") + " in all");
        for (Object row : rows) {
            Builtins.println(Fmt.interpolate(Ops.field(row, "title")) + ": "
                    + Fmt.interpolate(Ops.field(row, "votes")));
        }
        Builtins.println(Ops.field(database.find("posts", first), "title"));
        Builtins.println(database.delete("posts", first));
        Builtins.println(database.tables());
        database.close();
        // expect: 2 rows, 1 changed, 2 in all
        // expect: Hello: 4
        // expect: World: 5
        // expect: Hello
        // expect: 1
        // expect: ["posts"]
    }
}
