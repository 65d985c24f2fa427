package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.net.Args;
import dev.ruchy.runtime.net.Callbacks;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@link Download} on Helidon's {@code WebClient}: streams to a temporary file, then renames it. */
final class WebClientDownload implements Download {
    private static final int CHUNK = 64 * 1024;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final WebClientRequest request;
    private final String url;
    private final String path;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Object> result = new CompletableFuture<>();
    private volatile Object onProgress;

    WebClientDownload(String url, String path) {
        this.request = new WebClientRequest("GET", url);
        this.url = url;
        this.path = path;
        Clients.uri(url); // checked now, so a typo fails at the call that has it
    }

    @Override
    public Download onProgress(Object f) {
        onProgress = Callbacks.function(f, "on_progress() callback");
        return this;
    }

    @Override
    public Download timeout(Object ms) {
        request.timeout(ms);
        return this;
    }

    @Override
    public Download start() {
        if (started.compareAndSet(false, true)) {
            Thread.ofVirtual().name("ruchy-download").start(this::run);
        }
        return this;
    }

    private void run() {
        try {
            result.complete(download());
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }

    private String download() {
        Path target = Path.of(System.getProperty("user.dir", "")).resolve(path).toAbsolutePath().normalize();
        String what = "Download of " + url;
        Path temp = null;
        try {
            Path parent = target.getParent();
            Files.createDirectories(parent);
            // a fresh name beside the target (same file system, so the final rename is atomic), created
            // with the default permissions a plain file gets (createTempFile would make it owner-only)
            String name = "." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part";
            temp = Files.createFile(parent.resolve(name));
            HttpClientRequest r = request.prepare();
            try (HttpClientResponse response = r.request()) {
                int status = response.status().code();
                if (status < 200 || status > 299) {
                    throw RuchyError.runtime(what + " failed with status " + status);
                }
                OptionalLong length = response.headers().contentLength();
                Object total = length.isPresent() ? (Object) length.getAsLong() : null;
                long done = 0;
                progress(0L, total);
                try (InputStream in = response.inputStream();
                        OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                    byte[] buffer = new byte[CHUNK];
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        out.write(buffer, 0, n);
                        done += n;
                        if (n > 0) {
                            progress(done, total);
                        }
                    }
                }
                if (length.isPresent() && done != length.getAsLong()) {
                    throw RuchyError.runtime(what + " ended after " + done + " of " + length.getAsLong() + " bytes");
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return path;
        } catch (IOException e) {
            throw RuchyError.runtime(what + " to '" + path + "' failed: " + dev.ruchy.runtime.net.NetErrors.reason(e));
        } catch (RuntimeException e) {
            throw Clients.failure(what, request.timeoutMs(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a stray .part file is all that remains
                }
            }
        }
    }

    private void progress(long done, Object total) {
        Object f = onProgress;
        if (f != null) {
            Callbacks.callLenient(f, done, total);
        }
    }

    // ---------------------------------------------------------------- Future: what `.await()` uses

    /** Runs the download in this thread if it has not started, else waits for it; returns the saved path. */
    @Override
    public Object get() throws InterruptedException, ExecutionException {
        if (started.compareAndSet(false, true)) {
            run();
        }
        return result.get();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        start();
        return result.get(timeout, unit);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public String toString() {
        return "<download " + url + " -> " + path + ">";
    }
}
