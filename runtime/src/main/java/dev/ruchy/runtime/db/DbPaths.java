package dev.ruchy.runtime.db;

import dev.ruchy.runtime.FnN;
import dev.ruchy.runtime.PathProvider;
import dev.ruchy.runtime.net.Args;
import java.util.function.BiConsumer;

/**
 * The database paths Ruchy programs call, a {@link PathProvider} service of the runtime's path table;
 * a leading {@code std::} is optional there.
 *
 * <table>
 *   <caption>Paths</caption>
 *   <tr><th>path</th><th>returns</th></tr>
 *   <tr><td>{@code db::connect(url)}</td><td>a {@link Database}: {@code sqlite:FILE} or {@code sqlite::memory:}</td></tr>
 * </table>
 */
public final class DbPaths implements PathProvider {
    /** The provider {@link java.util.ServiceLoader} creates. */
    public DbPaths() {
    }

    /** Adds {@code db::connect}; JDBC and the pool load only when it is called. */
    @Override
    public void register(BiConsumer<String, FnN> table) {
        table.accept("db::connect", Args.withArity("db::connect", 1,
                a -> Database.connect(Args.string(a[0], "db::connect() url"))));
    }
}
