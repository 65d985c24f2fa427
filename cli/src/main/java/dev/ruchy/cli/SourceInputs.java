package dev.ruchy.cli;

import dev.ruchy.transpiler.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads source files named on the command line, reporting unreadable ones in one line each. */
final class SourceInputs {
    private SourceInputs() {
    }

    /** The file, or null after printing why it cannot be read. */
    static SourceFile read(Path path, PrintWriter err) {
        try {
            return SourceFile.read(path);
        } catch (NoSuchFileException e) {
            err.println("ruchy: " + path + ": no such file");
        } catch (MalformedInputException e) {
            err.println("ruchy: " + path + ": not UTF-8 text");
        } catch (IOException e) {
            err.println("ruchy: " + path + ": cannot read: " + e.getMessage());
        }
        return null;
    }
}
