package dev.ruchy.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {
    @Test
    void doubleStarMatchesNoFolderToo() {
        SourceScanner s = new SourceScanner(List.of("**/*.ruchy"), List.of());
        assertTrue(s.matches("app.ruchy"));
        assertTrue(s.matches("com/acme/app.ruchy"));
        assertFalse(s.matches("app.ruchy.bak"));
        assertFalse(s.matches("com/acme/App.java"));
    }

    @Test
    void theSuffixShortcutAgreesWithTheRegularExpression() {
        for (String path : List.of("a.ruchy", "x/y/a.ruchy", ".ruchy", "a.ruchyx", "a/ruchy", "a.RUCHY")) {
            assertEquals(SourceScanner.compile("**/*.ruchy").matcher(path).matches(),
                    new SourceScanner(List.of("**/*.ruchy"), List.of()).matches(path), path);
        }
    }

    @Test
    void excludesWin() {
        SourceScanner s = new SourceScanner(List.of("**/*.ruchy"), List.of("**/draft_*", "wip/"));
        assertTrue(s.matches("com/app.ruchy"));
        assertFalse(s.matches("com/draft_app.ruchy"));
        assertFalse(s.matches("wip/deep/x.ruchy"));
    }

    @Test
    void singleStarAndQuestionMarkStayInOneName() {
        SourceScanner s = new SourceScanner(List.of("com/*/?.ruchy"), List.of());
        assertTrue(s.matches("com/acme/a.ruchy"));
        assertFalse(s.matches("com/acme/ab.ruchy"));
        assertFalse(s.matches("com/a/b/c.ruchy"));
    }

    @Test
    void scanIsSortedAndSkipsHiddenFolders(@TempDir Path dir) throws Exception {
        for (String f : List.of("b.ruchy", "a/z.ruchy", "a/b.ruchy", ".git/x.ruchy", "notes.txt")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "");
        }
        assertEquals(List.of("a/b.ruchy", "a/z.ruchy", "b.ruchy"),
                new SourceScanner(List.of("**/*.ruchy"), List.of()).scan(dir).stream().map(SourceScanner.Found::path).toList());
        assertEquals(List.of(), new SourceScanner(List.of("**/*.ruchy"), List.of()).scan(dir.resolve("missing")));
    }
}
