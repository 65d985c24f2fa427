package dev.ruchy.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.transpiler.classfile.RuchyDebugInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classes folder after javac: which classes get Ruchy debug information, and only once. */
class ClassDebugInfoTest {
    @TempDir
    Path dir;

    @Test
    void rewritesTheClassesOfEachLineMapOnceAndLeavesOthersAlone() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/com/acme"));
        Files.writeString(src.resolve("App.java"), """
                package com.acme;
                public final class App {
                    record Point(int x) {}
                    public static int f() { return 1; }
                }
                """);
        Files.writeString(src.resolve("Other.java"), "package com.acme;\npublic final class Other {}\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", classes.toString(),
                src.resolve("App.java").toString(), src.resolve("Other.java").toString());
        assertEquals(0, rc);
        Path pkg = classes.resolve("com/acme");
        Files.writeString(pkg.resolve("App.ruchy-lines"), "com/acme/app.ruchy\n0 0 0 2 3 3\n");
        byte[] other = Files.readAllBytes(pkg.resolve("Other.class"));

        ClassDebugInfo.Outcome first = ClassDebugInfo.apply(classes, RuchyDebugInfo.LineNumbers.RUCHY);
        assertEquals(new ClassDebugInfo.Outcome(2, 0), first); // App and App$Point
        assertEquals("app.ruchy", RuchyDebugInfo.sourceFile(Files.readAllBytes(pkg.resolve("App.class"))));
        assertTrue(RuchyDebugInfo.hasRuchyDebugInfo(Files.readAllBytes(pkg.resolve("App$Point.class"))));
        assertFalse(RuchyDebugInfo.hasRuchyDebugInfo(Files.readAllBytes(pkg.resolve("Other.class"))));
        assertArrayEquals(other, Files.readAllBytes(pkg.resolve("Other.class")));

        assertEquals(new ClassDebugInfo.Outcome(0, 2), ClassDebugInfo.apply(classes, RuchyDebugInfo.LineNumbers.RUCHY));
    }

    @Test
    void aMissingClassesFolderIsNothingToDo() throws Exception {
        assertEquals(new ClassDebugInfo.Outcome(0, 0), ClassDebugInfo.apply(dir.resolve("none"), RuchyDebugInfo.LineNumbers.JAVA));
    }
}
