package dev.ruchy.it;

/**
 * The REST API example, the same program and the same tests as on SQLite, with its DATABASE_URL
 * naming a database of a real PostgreSQL server ({@link PostgresServer}).
 */
class ApiServerPostgresTest extends ApiServerSuite {
    private String url;

    @Override
    String databaseUrl() {
        if (url == null) {
            url = PostgresServer.get().createDatabase("api");
        }
        return url;
    }

    @Override
    void checkStorageAfterStop() {
        // the rows live in the server, which keeps running: the restarted program must find them
    }
}
