package dev.ruchy.runtime.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a postgres:// URL means: the parts libpq gives it, percent-decoded, with the defaults. */
class PostgresUrlTest {
    @Test
    void everyPart() {
        PostgresUrl url = PostgresUrl.parse("//app:p%40ss%3Aw%2Ford+x%C3%A9@db.example:6543/my%20db?sslmode=require&connectTimeout=5");
        assertEquals(new PostgresUrl("app", "p@ss:w/ord+xé", "db.example", 6543, "my db",
                Map.of("sslmode", "require", "connectTimeout", "5")), url);
        assertEquals("postgres://app@db.example:6543/my db", url.shown());
    }

    @Test
    void defaults() {
        PostgresUrl url = PostgresUrl.parse("//localhost");
        assertNull(url.user());
        assertNull(url.password());
        assertEquals(5432, url.port());
        assertEquals(System.getProperty("user.name"), url.name());
        assertEquals("app", PostgresUrl.parse("//app@[::1]/").name(), "the database named after the user");
        assertEquals("[::1]", PostgresUrl.parse("//app@[::1]/").host());
    }
}
