package dev.ruchy.transpiler.ast;

import dev.ruchy.transpiler.source.Span;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Prints an AST as an indented tree for golden tests and {@code ruchy parse --ast}: one node per
 * line with its kind, its scalar fields and its span ({@code line:col-line:col}); child nodes and
 * lists are indented under their field name. Scalars print as Java literals, so the output is
 * unambiguous.
 */
public final class AstPrinter {
    private final StringBuilder out = new StringBuilder();

    private AstPrinter() {
    }

    /** The tree of a whole program. */
    public static String print(Program program) {
        AstPrinter printer = new AstPrinter();
        printer.out.append("Program ").append(program.file().name()).append('\n');
        for (Stmt stmt : program.statements()) {
            printer.node((Record) stmt, 1);
        }
        return printer.out.toString();
    }

    /** The tree of one node. */
    public static String print(Record node) {
        AstPrinter printer = new AstPrinter();
        printer.node(node, 0);
        return printer.out.toString();
    }

    private void node(Record node, int depth) {
        indent(depth);
        out.append(label(node));
        StringBuilder scalars = new StringBuilder();
        RecordComponent[] components = node.getClass().getRecordComponents();
        for (RecordComponent c : components) {
            Object value = get(c, node);
            if (value instanceof Span || value instanceof Record || value instanceof List<?> l && !isScalarList(l)) {
                continue;
            }
            if (value == null) {
                continue;
            }
            scalars.append(' ').append(c.getName()).append('=').append(scalar(value));
        }
        out.append(scalars);
        if (node instanceof Node n) {
            Span s = n.span();
            out.append(" @").append(s.startLine()).append(':').append(s.startColumn()).append('-')
                    .append(s.endLine()).append(':').append(s.endColumn());
        }
        out.append('\n');
        for (RecordComponent c : components) {
            Object value = get(c, node);
            if (value instanceof Record r && !(value instanceof Span)) {
                indent(depth + 1);
                out.append(c.getName()).append(":\n");
                node(r, depth + 2);
            } else if (value instanceof List<?> list && !list.isEmpty() && !isScalarList(list)) {
                indent(depth + 1);
                out.append(c.getName()).append(":\n");
                for (Object item : list) {
                    node((Record) item, depth + 2);
                }
            }
        }
    }

    private static boolean isScalarList(List<?> list) {
        return list.isEmpty() || !(list.get(0) instanceof Record);
    }

    private static String label(Record node) {
        Class<?> c = node.getClass();
        Class<?> outer = c.getEnclosingClass();
        return outer == null ? c.getSimpleName() : outer.getSimpleName() + "." + c.getSimpleName();
    }

    private static String scalar(Object value) {
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(scalar(list.get(i)));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(value);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static Object get(RecordComponent c, Record node) {
        try {
            return c.getAccessor().invoke(node);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + node, e);
        }
    }

    private void indent(int depth) {
        out.append("  ".repeat(depth));
    }
}
