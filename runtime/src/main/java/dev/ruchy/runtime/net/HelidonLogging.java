package dev.ruchy.runtime.net;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Helidon's start-up chatter ({@code Started all channels in 12 milliseconds...}) out of a
 * program's standard error: Helidon's loggers report warnings and errors only, unless the program's
 * JVM was given a logging configuration ({@code -Djava.util.logging.config.file=...}).
 */
public final class HelidonLogging {
    /** Held, since the logging framework keeps loggers only weakly. */
    private static volatile Logger helidon;

    private HelidonLogging() {
    }

    /** Applies the quiet level once; later calls do nothing. */
    public static void quiet() {
        if (helidon != null) {
            return;
        }
        synchronized (HelidonLogging.class) {
            if (helidon == null) {
                Logger logger = Logger.getLogger("io.helidon");
                if (System.getProperty("java.util.logging.config.file") == null
                        && System.getProperty("java.util.logging.config.class") == null) {
                    logger.setLevel(Level.WARNING);
                }
                helidon = logger;
            }
        }
    }
}
