package dev.ruchy.runtime.net.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How {@link StaticFiles} reads request paths, before any file is touched; and route patterns. */
class StaticFilesTest {
    private final Path root = Path.of("/srv/site/static");
    private final StaticFiles files = new StaticFiles("/public", root);

    @Test
    void plainPathsResolveInsideTheFolder() {
        assertEquals(root.resolve("css/app.css"), files.resolve("/public/css/app.css"));
        assertEquals(root, files.resolve("/public/"));
        assertEquals(root, files.resolve("/public"));
        assertEquals(root.resolve("a b.txt"), files.resolve("/public/a%20b.txt"));
        assertEquals(root.resolve("ü.txt"), files.resolve("/public/%C3%BC.txt"));
    }

    @Test
    void everyEscapeIsRefused() {
        for (String raw : new String[] {"/public/../x", "/public/./x", "/public/a/../../x", "/public/%2e%2e/x",
                "/public/%2E%2e/x", "/public/..%2fx", "/public/%2f%2fetc", "/public/..%5cx", "/public/..\\x",
                "/public//etc/passwd", "/public/%00x", "/public/x%0a", "/public/c:/x", "/public/%zz", "/public/%",
                "/publicity/x", "/other/x", "/public/%c3"}) {
            assertNull(files.resolve(raw), raw);
        }
    }

    @Test
    void contentTypes() {
        assertEquals("text/html; charset=UTF-8", StaticFiles.contentType("index.html"));
        assertEquals("image/png", StaticFiles.contentType("LOGO.PNG"));
        assertEquals("application/octet-stream", StaticFiles.contentType("data.unknownext"));
    }

    @Test
    void routePatterns() {
        assertEquals("/users/{id}", HelidonHttpServer.pattern("/users/:id", "get"));
        assertEquals("/a/{x}/b/{y_2}", HelidonHttpServer.pattern("/a/:x/b/:y_2", "get"));
        assertEquals("/files/{name}", HelidonHttpServer.pattern("/files/{name}", "get"));
        assertEquals("/*", HelidonHttpServer.pattern("*", "all"));
        assertEquals("/time/10:30", HelidonHttpServer.pattern("/time/10:30", "get"));
    }
}
