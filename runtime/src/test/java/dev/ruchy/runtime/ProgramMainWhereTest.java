package dev.ruchy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Ruchy line of a stack frame, whether its class's line tables hold Java lines or Ruchy lines. */
class ProgramMainWhereTest {
    private static final int[] LINE_MAP = {0, 0, 0, 7, 8};

    @Test
    void aJavaLineGoesThroughTheLineMap() {
        assertEquals("com/acme/app.ruchy:7",
                ProgramMain.where(new StackTraceElement("com.acme.App", "main", "App.java", 3), "com/acme/app.ruchy", LINE_MAP));
    }

    @Test
    void aClassWithRuchyLineTablesGivesItsLineAsItIs() {
        // line 3 of app.ruchy, not the Ruchy line of Java line 3
        assertEquals("com/acme/app.ruchy:3",
                ProgramMain.where(new StackTraceElement("com.acme.App", "main", "app.ruchy", 3), "com/acme/app.ruchy", LINE_MAP));
        assertEquals("com/acme/app.ruchy",
                ProgramMain.where(new StackTraceElement("com.acme.App", "main", "app.ruchy", -1), "com/acme/app.ruchy", LINE_MAP));
        assertEquals("<eval>:2", ProgramMain.where(new StackTraceElement("Eval", "main", "<eval>", 2), "<eval>", LINE_MAP));
    }
}
