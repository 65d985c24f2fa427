package dev.ruchy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.Location;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.ClassPrepareRequest;
import dev.ruchy.transpiler.TranspileOptions;
import dev.ruchy.transpiler.Transpiler;
import dev.ruchy.transpiler.classfile.RuchyDebugInfo;
import dev.ruchy.transpiler.source.SourceFile;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A debugger (JDI, as jdb and IDEs use it) on a program compiled as {@code ruchy run} compiles it:
 * a breakpoint set by {@code .ruchy} file and line through the Ruchy stratum is hit, and the stopped
 * location reads as that file and line.
 */
class RuchyDebuggingTest {
    /** Line 2 is inside {@code square}; the program calls it once. */
    private static final String PROGRAM = """
            fun square(n: i64) -> i64 {
                let result = n * n
                result
            }
            let x = square(7)
            println(x)
            """;

    @TempDir
    Path dir;

    @Test
    void aBreakpointOnARuchyLineStopsThereInAClassAsRuchyRunBuildsIt() throws Exception {
        System.setProperty("ruchy.cache.dir", dir.resolve("cache").toString());
        try {
            ClassCache.Entry entry = ProgramCompiler.compile(SourceFile.of(dir.resolve("debug_me.ruchy").toString(), PROGRAM),
                    TranspileOptions.defaults(), false, System.err);
            assertNotNull(entry);
            Stop stop = runToBreakpoint(entry.classes().toString(), entry.mainClass(), "debug_me.ruchy", 2);
            assertEquals(new Stop("debug_me.ruchy", 2, "square", "debug_me.ruchy", 2), stop);
        } finally {
            System.clearProperty("ruchy.cache.dir");
        }
    }

    @Test
    void withJavaLineTablesTheSourceMapStillTakesTheBreakpointOnTheRuchyLine() throws Exception {
        Transpiler.TranspileResult result = Transpiler.transpile(SourceFile.of("debug_me.ruchy", PROGRAM), "", TranspileOptions.defaults());
        InMemoryCompiler.Result compiled = InMemoryCompiler.compile(result.qualifiedName(), result.source(),
                ProgramCompiler.runtimeClasspath());
        assertTrue(compiled.succeeded(), compiled.errors());
        Map<String, byte[]> classes = ProgramCompiler.withDebugInfo(compiled.classes(), "debug_me.ruchy", result.lineMap(),
                RuchyDebugInfo.LineNumbers.JAVA);
        Path out = Files.createDirectories(dir.resolve("classes"));
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            Files.write(out.resolve(c.getKey().replace('.', '/') + ".class"), c.getValue());
        }
        Stop stop = runToBreakpoint(out.toString(), result.qualifiedName(), "debug_me.ruchy", 2);
        // the Java stratum (the line table) holds the Java line of `let result = n * n`
        int javaLine = javaLineOf(result.source(), "n * n");
        assertEquals(2, result.lineMap()[javaLine]);
        assertEquals(new Stop("debug_me.ruchy", 2, "square", result.className() + ".java", javaLine), stop);
    }

    /** Where the debugger stopped: in the Ruchy stratum, the method, and in the Java stratum. */
    record Stop(String ruchyFile, int ruchyLine, String method, String javaFile, int javaLine) {
    }

    /**
     * Launches {@code mainClass} from {@code classes} (and this JVM's class path, which holds the
     * runtime) under JDI, sets a breakpoint at {@code file:line} of the Ruchy stratum when the class
     * loads, and returns where it stopped.
     */
    private static Stop runToBreakpoint(String classes, String mainClass, String file, int line) throws Exception {
        LaunchingConnector launcher = Bootstrap.virtualMachineManager().defaultConnector();
        Map<String, Connector.Argument> arguments = launcher.defaultArguments();
        arguments.get("main").setValue(mainClass);
        arguments.get("options").setValue("-cp " + classes + File.pathSeparator + System.getProperty("java.class.path"));
        VirtualMachine vm = launcher.launch(arguments);
        StringBuffer output = new StringBuffer();
        drain(vm.process().getInputStream(), output);
        drain(vm.process().getErrorStream(), output);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
            prepare.addClassFilter(mainClass);
            prepare.enable();
            // the program waits, suspended, until the first event set (VMStartEvent) is resumed below;
            // each event set is resumed once, after its event is handled, so the breakpoint is in place
            // before the class prepared runs
            while (System.nanoTime() < deadline) {
                EventSet events = vm.eventQueue().remove(1000);
                if (events == null) {
                    continue;
                }
                for (Event event : events) {
                    if (event instanceof ClassPrepareEvent prepared) {
                        ReferenceType type = prepared.referenceType();
                        assertEquals(RuchyDebugInfo.STRATUM, type.defaultStratum());
                        assertTrue(type.availableStrata().contains(RuchyDebugInfo.STRATUM), type.availableStrata().toString());
                        List<Location> locations = type.locationsOfLine(RuchyDebugInfo.STRATUM, file, line);
                        assertFalse(locations.isEmpty(), "no code at " + file + ":" + line + " in the Ruchy stratum");
                        vm.eventRequestManager().createBreakpointRequest(locations.get(0)).enable();
                    } else if (event instanceof BreakpointEvent hit) {
                        Location at = hit.location();
                        return new Stop(at.sourceName(RuchyDebugInfo.STRATUM), at.lineNumber(RuchyDebugInfo.STRATUM),
                                at.method().name(), at.sourceName("Java"), at.lineNumber("Java"));
                    } else if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
                        throw new AssertionError("the program ended without stopping at " + file + ":" + line + "; it wrote: " + output);
                    }
                }
                events.resume();
            }
            throw new AssertionError("no stop at " + file + ":" + line + " within 60 s");
        } finally {
            try {
                vm.exit(0);
            } catch (RuntimeException e) {
                // the program ended already
            }
            vm.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int javaLineOf(String source, String text) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no `" + text + "` in the generated Java:\n" + source);
    }

    /** Reads the debuggee's output into {@code output}, so that it never blocks on a full pipe. */
    private static void drain(InputStream in, StringBuffer output) {
        Thread.ofVirtual().start(() -> {
            try (in) {
                output.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                // the program ended
            }
        });
    }
}
