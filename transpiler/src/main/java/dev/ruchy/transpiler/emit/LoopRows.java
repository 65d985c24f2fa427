package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.LISTS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.ruchy.transpiler.ast.BinaryOp;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows of an array of arrays read once before a loop instead of in every round: in
 * {@code while k < n { c[i][j] = c[i][j] + a[i][k] * b[k][j]; k = k + 1 }} the rows {@code c[i]}
 * and {@code a[i]} are the same arrays in every round, so the loop is printed after
 * {@code List<Double> cRowI = Lists.row(c, i);} and indexes {@code cRowI} ({@code b[k]} changes with
 * {@code k} and is read where it was).
 *
 * <p>Why this is sound: a row {@code x[i]} is hoisted only out of a loop whose condition and body
 * are nothing but arithmetic and comparisons on numbers and booleans, reads of array elements,
 * writes of float or integer elements ({@code Lists.setDouble}/{@code setLong}, which cannot put
 * another row into an array of arrays), assignments of locals, {@code let}s, nested {@code while}
 * loops and {@code for} loops over a range or an array, {@code if}s, {@code break} and
 * {@code continue}: no call, method, closure, macro or dynamic operation that could reach an array.
 * {@code x} and {@code i} are plain locals declared before the loop (not globals, not variables
 * closures share) that the loop never assigns. So nothing the loop runs can make {@code x[i]}
 * another array; another thread that replaced the row meanwhile races with the loop, as it does with
 * an unhoisted read, which takes no lock either. Errors come where they came before: {@code Lists.row}
 * gives a stand-in for a missing row that raises the same {@code Index ... out of bounds} at each
 * use, every use indexes the row with a local or a literal (nothing to evaluate between the row and
 * its use), and a write checks the row first ({@code Lists.checkRow}) as the unhoisted write read it
 * before its value.
 */
final class LoopRows extends Printer {
    /** The index of a {@link Key} that stands for a table of all the rows ({@code DoubleRows}/{@code LongRows}). */
    private static final Object TABLE = new Object();
    /** A counter with more than one bound (two loops of one counter): no table for the rows it indexes. */
    private static final Expr.IntLit NO_BOUND = new Expr.IntLit(-1, null);

    /**
     * A row: the array of arrays, and the index, a local's symbol or a literal's value; or, with the
     * index {@link #TABLE}, the table of an array of arrays' rows.
     */
    record Key(Symbol rows, Object index) {
    }

    /** The rows and tables hoisted by the loops around the code being printed, with the local holding each. */
    private final Map<Key, String> hoisted = new HashMap<>();

    LoopRows(EmitContext cx) {
        super(cx);
    }

    /**
     * Prints the reads of the rows that the loop made of {@code parts} (its condition and body) can
     * read once, before it; returns them, for {@link #end} when the loop is printed.
     */
    List<Key> hoist(List<?> parts) {
        if (!parts.stream().allMatch(this::simple)) {
            return List.of();
        }
        List<Key> keys = tables(parts);
        Map<Key, Expr.Index> candidates = new LinkedHashMap<>();
        Map<Key, Integer> uses = new HashMap<>();
        Map<Key, Integer> asContainer = new HashMap<>();
        Nodes.any(parts, n -> {
            if (n instanceof Expr.Index outer && outer.target() instanceof Expr.Index row) {
                Key key = key(row);
                if (key != null && (outer.index() instanceof Expr.Ident || outer.index() instanceof Expr.IntLit)
                        && types.of(outer.index()) instanceof Type.Int) {
                    candidates.putIfAbsent(key, row);
                    asContainer.merge(key, 1, Integer::sum);
                }
            }
            if (n instanceof Expr.Index any) {
                Key key = key(any);
                if (key != null) {
                    uses.merge(key, 1, Integer::sum);
                }
            }
            return false;
        });
        List<Key> rowKeys = new ArrayList<>();
        for (Map.Entry<Key, Expr.Index> c : candidates.entrySet()) {
            Key key = c.getKey();
            if (!uses.get(key).equals(asContainer.get(key)) || hoisted.containsKey(key)
                    || assigns(parts, key.rows()) || key.index() instanceof Symbol s && assigns(parts, s)) {
                continue;
            }
            rowKeys.add(key);
        }
        if (rowKeys.isEmpty()) {
            return keys;
        }
        List<String> names = new ArrayList<>();
        for (Key key : rowKeys) {
            Expr.Index row = candidates.get(key);
            names.add(((Expr.Ident) row.target()).name());
            if (row.index() instanceof Expr.Ident i) {
                names.add(i.name());
            }
        }
        names = names.stream().distinct().toList();
        String assigned = listed(names, "or");
        cx.out.add("// the same $L in every round, read once: the loop assigns no $L\n", rowKeys.size() == 1 ? "row" : "rows", assigned);
        cx.out.add("// and calls nothing that could change an array of arrays\n");
        for (Key key : rowKeys) {
            Expr.Index row = candidates.get(key);
            Expr.Ident x = (Expr.Ident) row.target();
            String suffix = row.index() instanceof Expr.Ident i ? Names.camelCase(i.name()) : String.valueOf(((Expr.IntLit) row.index()).value());
            String name = cx.scope.allocate(Names.camelCase(x.name()) + "Row"
                    + Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1));
            stmt("$T $N = $T.row($L, $L)", javaType(types.of(row)), name, LISTS, expr(x), cx.flow.intOperand(row.index()));
            hoisted.put(key, name);
            keys.add(key);
        }
        return keys;
    }

    /**
     * Prints, before the loop made of {@code parts}, a table of the rows of each array of float or
     * integer arrays the loop reads by a row index that a loop inside it counts ({@code b[k][j]} in
     * {@code while k < n}): {@code DoubleRows bRows = DoubleRows.of(b, n)}, made once for all the rounds
     * of the inner loop, instead of reading the array of rows, the row and its element at each
     * {@code b[k][j]}. Only for an array every use of which in the loop is such an element read or
     * write (never assigned, never a row on its own), with a local or a literal for the column (so that
     * nothing is evaluated between the row and its element), and whose row indexes share one bound, a
     * literal or a local declared before the loop: the table holds rows {@code 0} to that bound, so
     * making it costs no more than one run of the inner loop. Sound for the reasons the class comment
     * gives (the loop can store no row and change no array's length) and one more: the loop stores no
     * element of the other kind of number (an integer into a float row, through a name typed as an
     * array of integers, would box the row), so the table's arrays stay the rows' own; whatever the
     * table does not hold is read as before.
     */
    private List<Key> tables(List<?> parts) {
        Map<Symbol, Expr> bounds = new HashMap<>(); // the counters of the loops inside, with their bounds
        Nodes.any(parts, n -> {
            if (n instanceof Expr.While w && w.condition() instanceof Expr.Binary b && b.op() == BinaryOp.LT
                    && b.left() instanceof Expr.Ident k && cx.symbolOf(k) != null) {
                bounds.merge(cx.symbolOf(k), b.right(), (x, y) -> NO_BOUND);
            }
            if (n instanceof Expr.For f && f.pattern() instanceof Pattern.Binding b && f.iterable() instanceof Expr.Range r
                    && !r.inclusive() && r.end() != null && resolution.declaration(b) != null) {
                bounds.merge(resolution.declaration(b), r.end(), (x, y) -> NO_BOUND);
            }
            return false;
        });
        Map<Symbol, Expr> tableBounds = new LinkedHashMap<>();
        Map<Symbol, Expr.Ident> tableRows = new HashMap<>();
        Map<Symbol, Integer> elements = new HashMap<>(); // element reads and writes
        Map<Symbol, Integer> reads = new HashMap<>();
        Map<Symbol, Integer> uses = new HashMap<>();
        Set<Expr> written = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Type> stored = new HashSet<>(); // the kinds of number the loop stores into arrays
        Nodes.any(parts, n -> {
            if (n instanceof Expr.Ident id && cx.symbolOf(id) != null) {
                uses.merge(cx.symbolOf(id), 1, Integer::sum);
            }
            if (n instanceof Expr.Assign a) {
                written.add(a.target());
                if (a.target() instanceof Expr.Index i && types.of(i.target()) instanceof Type.ListType l) {
                    stored.add(l.element());
                }
            }
            if (n instanceof Expr.CompoundAssign c) {
                written.add(c.target());
            }
            if (n instanceof Expr.Index element && element.target() instanceof Expr.Index row
                    && row.target() instanceof Expr.Ident x && row.index() instanceof Expr.Ident k
                    && tableType(types.of(x)) != null && types.of(row.index()) instanceof Type.Int
                    && (element.index() instanceof Expr.Ident || element.index() instanceof Expr.IntLit)
                    && types.of(element.index()) instanceof Type.Int) {
                Symbol rows = plainLocal(x);
                Expr bound = cx.symbolOf(k) == null ? null : bounds.get(cx.symbolOf(k));
                if (rows != null && bound != null) {
                    elements.merge(rows, 1, Integer::sum);
                    reads.merge(rows, written.contains(element) ? 0 : 1, Integer::sum);
                    tableRows.putIfAbsent(rows, x);
                    tableBounds.merge(rows, bound, (x1, y1) -> sameBound(x1, y1) ? x1 : NO_BOUND);
                }
            }
            return false;
        });
        List<Symbol> tabled = new ArrayList<>();
        for (Map.Entry<Symbol, Expr> t : tableBounds.entrySet()) {
            Symbol rows = t.getKey();
            // a float stored into an integer row (or the reverse) boxes it, leaving the table on its old array
            boolean boxes = stored.stream().anyMatch(kind -> !kind.equals(rowElement(types.of(tableRows.get(rows)))));
            if (!boxes && reads.get(rows) > 0 && elements.get(rows).equals(uses.get(rows)) && !hoisted.containsKey(new Key(rows, TABLE))
                    && !assigns(parts, rows) && invariantBound(parts, t.getValue())) {
                tabled.add(rows);
            }
        }
        List<Key> keys = new ArrayList<>();
        if (tabled.isEmpty()) {
            return keys;
        }
        String of = listed(tabled.stream().map(rows -> tableRows.get(rows).name()).toList(), "and");
        cx.out.add("// a table of the rows of $L, made once: the loop can neither resize nor replace a row\n", of);
        for (Symbol rows : tabled) {
            Expr.Ident x = tableRows.get(rows);
            ClassName table = tableType(types.of(x));
            String name = cx.scope.allocate(Names.camelCase(x.name()) + "Rows");
            stmt("$T $N = $T.of($L, $L)", table, name, table, expr(x), cx.flow.intOperand(tableBounds.get(rows)));
            Key key = new Key(rows, TABLE);
            hoisted.put(key, name);
            keys.add(key);
        }
        return keys;
    }

    /** {@code DoubleRows}/{@code LongRows} for an array of float/integer arrays; else null. */
    private static ClassName tableType(Type t) {
        Type element = rowElement(t);
        return element == null ? null : element instanceof Type.Float ? RuntimeApi.DOUBLE_ROWS : RuntimeApi.LONG_ROWS;
    }

    /** The element type of an array of float or integer arrays ({@code [[f64]]}: float); else null. */
    private static Type rowElement(Type t) {
        return t instanceof Type.ListType outer && outer.element() instanceof Type.ListType inner
                && (inner.element() instanceof Type.Float || inner.element() instanceof Type.Int) ? inner.element() : null;
    }

    /** {@code a}, {@code a or b}, {@code a, b or c} (with {@code conjunction} "or"). */
    private static String listed(List<String> names, String conjunction) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " " + conjunction + " " + names.get(names.size() - 1);
    }

    private boolean sameBound(Expr a, Expr b) {
        return a instanceof Expr.IntLit x && b instanceof Expr.IntLit y && x.value() == y.value()
                || a instanceof Expr.Ident x2 && b instanceof Expr.Ident y2 && cx.symbolOf(x2) != null
                        && cx.symbolOf(x2).equals(cx.symbolOf(y2));
    }

    /** Whether {@code bound} can be read before the loop and means there what it means inside. */
    private boolean invariantBound(List<?> parts, Expr bound) {
        if (bound == NO_BOUND || !(types.of(bound) instanceof Type.Int)) {
            return false;
        }
        return bound instanceof Expr.IntLit
                || bound instanceof Expr.Ident id && plainLocal(id) != null && !assigns(parts, plainLocal(id));
    }

    /**
     * The table a loop around made of {@code element}'s array of arrays, as the read
     * {@code bRows.get(k, j)} of {@code b[k][j]}; null when there is none.
     */
    CodeBlock readElement(Expr.Index element) {
        if (hoisted.isEmpty() || !(element.target() instanceof Expr.Index row) || !(row.target() instanceof Expr.Ident x)) {
            return null;
        }
        Symbol rows = cx.symbolOf(x);
        String name = rows == null ? null : hoisted.get(new Key(rows, TABLE));
        return name == null ? null
                : CodeBlock.of("$N.get($L, $L)", name, cx.flow.intOperand(row.index()), cx.flow.intOperand(element.index()));
    }

    /** Forgets the rows {@link #hoist} read for a loop now printed. */
    void end(List<Key> keys) {
        keys.forEach(hoisted::remove);
    }

    /** The local holding row {@code row} when a loop around hoisted it, for reading its elements; else null. */
    CodeBlock read(Expr row) {
        String name = row instanceof Expr.Index i ? hoistedName(i) : null;
        return name == null ? null : CodeBlock.of("$N", name);
    }

    /** As {@link #read}, for writing an element: checked first, as the unhoisted write read the row before its value. */
    CodeBlock write(Expr row) {
        String name = row instanceof Expr.Index i ? hoistedName(i) : null;
        return name == null ? null : CodeBlock.of("$T.checkRow($N)", LISTS, name);
    }

    private String hoistedName(Expr.Index row) {
        if (hoisted.isEmpty()) {
            return null;
        }
        Key key = key(row);
        return key == null ? null : hoisted.get(key);
    }

    /** The key of {@code x[i]} when {@code x} is a local array of arrays and {@code i} an integer local or literal. */
    private Key key(Expr.Index row) {
        if (!(row.target() instanceof Expr.Ident x) || !(types.of(x) instanceof Type.ListType l)
                || !(l.element() instanceof Type.ListType) || !(types.of(row.index()) instanceof Type.Int)) {
            return null;
        }
        Symbol rows = plainLocal(x);
        if (rows == null) {
            return null;
        }
        if (row.index() instanceof Expr.IntLit lit) {
            return new Key(rows, lit.value());
        }
        Symbol index = row.index() instanceof Expr.Ident i ? plainLocal(i) : null;
        return index == null ? null : new Key(rows, index);
    }

    /** The symbol of a local of this method declared before the point being printed, not shared with closures. */
    private Symbol plainLocal(Expr.Ident id) {
        Symbol sym = cx.symbolOf(id);
        return sym != null && !sym.isGlobal() && !sym.needsCell() && cx.scope.declares(sym) ? sym : null;
    }

    private boolean assigns(List<?> parts, Symbol sym) {
        return Nodes.any(parts, n -> n instanceof Expr.Assign a && a.target() instanceof Expr.Ident id && sym.equals(cx.symbolOf(id))
                || n instanceof Expr.CompoundAssign c && c.target() instanceof Expr.Ident id2 && sym.equals(cx.symbolOf(id2))
                || n instanceof Pattern.Binding b && sym.equals(resolution.declaration(b)));
    }

    /** Whether a loop's part is made only of what cannot change an array of arrays (see the class comment). */
    private boolean simple(Object part) {
        return switch (part) {
            case Expr.Block b -> b.statements().stream().allMatch(this::simpleStatement);
            case Expr e -> value(e);
            default -> false;
        };
    }

    private boolean simpleStatement(Stmt s) {
        return switch (s) {
            case Stmt.ExprStmt es -> statement(es.expr());
            case Stmt.Let l -> l.pattern() instanceof Pattern.Binding && l.elseBlock() == null
                    && (l.init() == null || value(l.init()));
            default -> false;
        };
    }

    private boolean statement(Expr e) {
        return switch (e) {
            case Expr.Assign a when a.target() instanceof Expr.Ident -> value(a.value());
            case Expr.Assign a when a.target() instanceof Expr.Index i -> primitiveStore(i, a.value())
                    && value(i.target()) && value(i.index()) && value(a.value());
            case Expr.CompoundAssign c -> c.target() instanceof Expr.Ident && primitive(types.of(c.target()))
                    && value(c.value());
            case Expr.While w -> w.label() == null && value(w.condition()) && simple(w.body());
            case Expr.For f -> f.label() == null && f.pattern() instanceof Pattern.Binding && simple(f.body())
                    && (f.iterable() instanceof Expr.Range r && r.start() != null && r.end() != null
                            && types.of(r.start()) instanceof Type.Int && types.of(r.end()) instanceof Type.Int
                            && value(r.start()) && value(r.end())
                        || types.of(f.iterable()) instanceof Type.ListType && value(f.iterable()));
            case Expr.If i -> value(i.condition()) && simple(i.then())
                    && (i.otherwise() == null || i.otherwise() instanceof Expr.Block || i.otherwise() instanceof Expr.If)
                    && (i.otherwise() == null || (i.otherwise() instanceof Expr.If nested ? statement(nested) : simple(i.otherwise())));
            case Expr.Block b -> simple(b);
            case Expr.Break b -> b.label() == null && b.value() == null;
            case Expr.Continue c -> c.label() == null;
            default -> value(e);
        };
    }

    /** {@code xs[i] = v} printed as {@code Lists.setDouble}/{@code setLong} (as StatementPrinter.assignIndex decides). */
    private boolean primitiveStore(Expr.Index i, Expr value) {
        return types.of(i.target()) instanceof Type.ListType l && types.of(i.index()) instanceof Type.Int
                && (l.element() instanceof Type.Float || l.element() instanceof Type.Int)
                && types.of(value).equals(l.element());
    }

    private boolean value(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> true;
            case Expr.FloatLit f -> true;
            case Expr.BoolLit b -> true;
            case Expr.Ident id -> true;
            case Expr.Unary u -> primitive(types.of(u.operand())) && primitive(types.of(u)) && value(u.operand());
            case Expr.Binary b -> primitive(types.of(b.left())) && primitive(types.of(b.right())) && primitive(types.of(b))
                    && value(b.left()) && value(b.right());
            case Expr.Index i -> types.of(i.target()) instanceof Type.ListType && types.of(i.index()) instanceof Type.Int
                    && value(i.target()) && value(i.index());
            default -> false;
        };
    }

    private static boolean primitive(Type t) {
        return t instanceof Type.Int || t instanceof Type.Float || t instanceof Type.Bool;
    }
}
