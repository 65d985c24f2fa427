package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.FnN;
import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The files of one folder served at a URL prefix ({@code server.static("/public", "./static")}).
 *
 * <p>The request path is checked in its raw (still percent-encoded) form before anything touches the
 * file system. Refused with {@code 404}: {@code .} and {@code ..} segments, empty segments ({@code //}),
 * encoded {@code .}, {@code /} and {@code \} ({@code %2e}, {@code %2f}, {@code %5c}), backslashes,
 * control characters and NUL, colons (drive letters), undecodable escapes, and files whose real path
 * (symbolic links resolved) is outside the folder's real path. Only regular, readable files are sent;
 * a folder sends its {@code index.html}.
 */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=UTF-8"), Map.entry("htm", "text/html; charset=UTF-8"),
            Map.entry("css", "text/css; charset=UTF-8"), Map.entry("js", "text/javascript; charset=UTF-8"),
            Map.entry("mjs", "text/javascript; charset=UTF-8"), Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain; charset=UTF-8"), Map.entry("md", "text/markdown; charset=UTF-8"),
            Map.entry("csv", "text/csv; charset=UTF-8"), Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("avif", "image/avif"), Map.entry("wasm", "application/wasm"),
            Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("map", "application/json"));

    private final String mount;
    private final Path root;

    StaticFiles(String mount, Path root) {
        this.mount = mount;
        this.root = root;
    }

    /** The route handler, in the form the server's handler chains take. */
    Object handler() {
        return (FnN) args -> {
            ServerRequestValue req = (ServerRequestValue) args[0];
            ServerResponseValue res = (ServerResponseValue) args[1];
            res.serve(response -> serve(req, response));
            return null;
        };
    }

    private void serve(ServerRequestValue req, ServerResponse res) {
        Path file = resolve(req.rawPath());
        if (file == null) {
            notFound(res);
            return;
        }
        try {
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                notFound(res);
                return;
            }
            Path real = file.toRealPath();
            Path realRoot = root.toRealPath();
            if (!real.startsWith(realRoot) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                notFound(res);
                return;
            }
            long size = Files.size(real);
            res.header(HeaderNames.CONTENT_TYPE, contentType(real.getFileName().toString()));
            res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
            res.contentLength(size);
            if (req.isHead()) {
                res.send();
                return;
            }
            try (InputStream in = Files.newInputStream(real); OutputStream out = res.outputStream()) {
                in.transferTo(out);
            }
        } catch (IOException e) {
            if (!res.isSent()) {
                notFound(res);
            } else {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void notFound(ServerResponse res) {
        res.status(Status.NOT_FOUND_404);
        res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8");
        res.send("Not Found".getBytes(StandardCharsets.UTF_8));
    }

    /** The file a raw request path names under the folder, or {@code null} when the path is refused. */
    Path resolve(String rawPath) {
        if (!rawPath.startsWith(mount)) {
            return null;
        }
        String rest = rawPath.substring(mount.length());
        if (mount.equals("/")) {
            rest = rawPath;
        }
        if (!rest.isEmpty() && !rest.startsWith("/")) {
            return null; // /publicity is not under /public
        }
        String decoded = decode(rest);
        if (decoded == null) {
            return null;
        }
        Path target = root;
        String[] segments = decoded.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty()) {
                if (i == segments.length - 1) {
                    break; // a trailing slash: the folder
                }
                return null;
            }
            if (s.equals(".") || s.equals("..") || s.indexOf(':') >= 0) {
                return null;
            }
            target = target.resolve(s);
        }
        Path normal = target.normalize();
        return normal.startsWith(root) ? normal : null;
    }

    /**
     * Percent-decodes a raw path as UTF-8; {@code null} if it holds an encoded {@code .}, {@code /},
     * {@code \} or control character, a raw backslash or control character, or a malformed escape.
     */
    static String decode(String raw) {
        byte[] out = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                int b = hi << 4 | lo;
                if (b == '.' || b == '/' || b == '\\' || b < 0x20 || b == 0x7f) {
                    return null;
                }
                out[n++] = (byte) b;
                i += 2;
            } else if (c == '\\' || c < 0x20 || c == 0x7f || c > 0x7e) {
                return null;
            } else {
                out[n++] = (byte) c;
            }
        }
        String s = new String(out, 0, n, StandardCharsets.UTF_8);
        return s.indexOf('\uFFFD') >= 0 ? null : s;
    }

    static String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        String known = TYPES.get(ext);
        if (known != null) {
            return known;
        }
        MediaType detected = MediaTypes.detectType(fileName).orElse(MediaTypes.APPLICATION_OCTET_STREAM);
        String text = detected.text();
        return text.startsWith("text/") ? text + "; charset=UTF-8" : text;
    }
}
