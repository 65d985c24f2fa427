package dev.ruchy.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

/** The REST API example on a SQLite file in a temporary folder. */
class ApiServerExampleTest extends ApiServerSuite {
    @Override
    String databaseUrl() {
        return "sqlite:api.db";
    }

    @Override
    void checkStorageAfterStop() {
        assertTrue(Files.exists(dir.resolve("api.db")));
    }
}
