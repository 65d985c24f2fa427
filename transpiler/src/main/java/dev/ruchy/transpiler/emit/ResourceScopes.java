package dev.ruchy.transpiler.emit;

import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.ast.Nodes;
import dev.ruchy.transpiler.ast.Pattern;
import dev.ruchy.transpiler.ast.Program;
import dev.ruchy.transpiler.ast.Stmt;
import dev.ruchy.transpiler.code.RuntimeCatalog;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.resolve.Resolver.Resolution;
import dev.ruchy.transpiler.types.TypeInference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the generated Java closes the resources a program makes. Ruchy closes a value that holds a
 * resource when the block that made it ends, unless it is stored somewhere that outlives the block
 * (semantics, "Decisions"; the seed's TCP echo server relies on it). Here a resource is a value of a
 * catalog class marked {@code resource} (a {@code TcpStream}) held by a {@code let} local:
 * <ul>
 * <li>used only in its own block (as a method receiver, a field's owner or an f-string value), it is
 * closed by a try-with-resources around the rest of the block;</li>
 * <li>used that way inside one {@code spawn} block (and before it), the spawned task owns it, as a Rust
 * {@code move} closure does, and closes it when its body ends ({@code try (client) { ... }});</li>
 * <li>anything else (passed to a function, stored, returned, captured by another closure, assigned,
 * or closed by the program itself) leaves it to the program.</li>
 * </ul>
 */
final class ResourceScopes {
    private final Set<Stmt.Let> closedAtBlockEnd = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Expr.Spawn, List<Symbol>> closedBySpawn = new IdentityHashMap<>();
    private final Resolution resolution;
    private final TypeInference.Types types;

    private ResourceScopes(Resolution resolution, TypeInference.Types types) {
        this.resolution = resolution;
        this.types = types;
    }

    /**
     * The resources of {@code program}.
     *
     * @param topLevel whether the program's own top-level statements are one block (a file); an
     *                 interactive session's bindings outlive each input, so its top level is not
     */
    static ResourceScopes of(Program program, Resolution resolution, TypeInference.Types types, boolean topLevel) {
        ResourceScopes scopes = new ResourceScopes(resolution, types);
        AstScan.statementLists(program, topLevel, scopes::block);
        return scopes;
    }

    /** Whether {@code let} is printed as {@code try (var x = ...) {} around the rest of its block. */
    boolean closesAtBlockEnd(Stmt.Let let) {
        return closedAtBlockEnd.contains(let);
    }

    /** The locals {@code spawn}'s body closes when it ends (its {@code try (a; b)}), in declaration order. */
    List<Symbol> closedBy(Expr.Spawn spawn) {
        return closedBySpawn.getOrDefault(spawn, List.of());
    }

    private void block(List<Stmt> statements) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) instanceof Stmt.Let let && let.pattern() instanceof Pattern.Binding b
                    && let.init() != null && let.elseBlock() == null) {
                Symbol sym = resolution.declaration(b);
                if (sym != null && isResource(types.of(sym)) && !sym.isGlobal() && !sym.needsCell() && !sym.isReassigned()) {
                    decide(let, sym, statements.subList(i + 1, statements.size()));
                }
            }
        }
    }

    private static boolean isResource(Type type) {
        if (!(type instanceof Type.RuntimeClass rc)) {
            return false;
        }
        RuntimeCatalog.ClassEntry entry = RuntimeCatalog.standard().runtimeClass(rc.alias());
        return entry != null && entry.resource();
    }

    /** One use of the local: the closures around it, outermost first. */
    private record Use(Expr.Ident at, List<Object> closures) {
    }

    private void decide(Stmt.Let let, Symbol sym, List<Stmt> rest) {
        List<Use> uses = new ArrayList<>();
        boolean[] leftToProgram = {false};
        Nodes.visit(rest, (node, ancestors) -> {
            if (!(node instanceof Expr.Ident id) || resolution.reference(id) != sym) {
                return;
            }
            Object parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
            boolean used = parent instanceof Expr.MethodCall mc && mc.receiver() == id && !mc.name().equals("close")
                    || parent instanceof Expr.Field f && f.receiver() == id
                    || parent instanceof Expr.FStringInterp;
            if (!used) {
                leftToProgram[0] = true;
            }
            List<Object> closures = ancestors.stream().filter(a -> a instanceof Expr.Lambda || a instanceof Expr.Spawn
                    || a instanceof Expr.AsyncBlock || a instanceof Stmt.Fun).toList();
            uses.add(new Use(id, closures));
        });
        if (leftToProgram[0]) {
            return;
        }
        Expr.Spawn owner = null;
        for (Use use : uses) {
            if (use.closures().isEmpty()) {
                continue;
            }
            if (use.closures().size() > 1 || !(use.closures().get(0) instanceof Expr.Spawn s)
                    || owner != null && owner != s) {
                return; // captured by a closure that may run at any time, or by more than one task
            }
            owner = s;
        }
        if (owner == null) {
            closedAtBlockEnd.add(let);
            return;
        }
        int spawned = owner.span().start();
        if (uses.stream().anyMatch(u -> u.closures().isEmpty() && u.at().span().start() > spawned)) {
            return; // used again after the task that owns it was started
        }
        closedBySpawn.computeIfAbsent(owner, k -> new ArrayList<>()).add(sym);
    }
}
