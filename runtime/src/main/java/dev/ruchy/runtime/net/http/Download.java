package dev.ruchy.runtime.net.http;

import dev.ruchy.runtime.RuchyName;
import java.util.concurrent.Future;

/**
 * A file download being set up ({@code http::download(url, path)}). Nothing is fetched until
 * {@code .await()} (which runs it in the calling thread and returns the saved path) or
 * {@link #start()} (which runs it on a virtual thread; {@code .await()} then waits for it).
 *
 * <p>The body streams to a temporary file beside {@code path} ({@code .name.part...}) and is renamed to
 * {@code path} only when complete, so {@code path} never holds half a file; missing parent folders are
 * created. A non-2xx status, a broken connection or a failing progress callback deletes the temporary
 * file and fails the download.
 */
public interface Download extends Future<Object> {
    /**
     * A download of {@code url} to {@code path}, not yet started ({@code http::download(url, path)}).
     *
     * @param url  an {@code http://} or {@code https://} URL
     * @param path the file to write, relative to the working directory or absolute
     * @return the download; {@code .await()} runs it
     * @throws dev.ruchy.runtime.RuchyError {@code Runtime error: Invalid URL 'x': ...}
     */
    static Download create(String url, String path) {
        return new WebClientDownload(url, path);
    }

    /**
     * Calls {@code f(done, total)} as bytes arrive ({@code done} and {@code total} in bytes; {@code total}
     * is nil when the server does not send a length): once at the start with {@code done = 0}, then
     * after each chunk of at most 64 KiB, and once at the end with {@code done = total}.
     *
     * @param f a closure of two parameters
     * @return this download
     */
    @RuchyName("on_progress")
    Download onProgress(Object f);

    /**
     * {@link #onProgress(Object)} with a typed callback ({@code download.onProgress((done, total) -> ...)}).
     *
     * @param listener gets the bytes so far and the total ({@code null} when unknown)
     * @return this download
     */
    default Download onProgress(ProgressListener listener) {
        return onProgress((Object) listener);
    }

    /**
     * Sets the timeout for connecting and for each read.
     *
     * @param ms milliseconds; {@code 0} for none (the default is 30000)
     * @return this download
     */
    Download timeout(Object ms);

    /**
     * Starts the download on a virtual thread.
     *
     * @return this download
     */
    Download start();
}
