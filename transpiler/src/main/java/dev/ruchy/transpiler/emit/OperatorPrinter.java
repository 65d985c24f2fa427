package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.FMT;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPS;

import com.palantir.javapoet.CodeBlock;
import dev.ruchy.transpiler.ast.BinaryOp;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.resolve.Symbol;
import dev.ruchy.transpiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/** Binary operators: Java infix operators where both operand types are known, the runtime's dynamic operations otherwise, and the pipeline. */
final class OperatorPrinter extends Printer {
    OperatorPrinter(EmitContext cx) {
        super(cx);
    }

    CodeBlock binary(Expr.Binary b) {
        if (b.op() == BinaryOp.PIPELINE) {
            return pipeline(b);
        }
        Type lt = types.of(b.left());
        Type rt = types.of(b.right());
        if (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR) {
            if (lt instanceof Type.Bool && rt instanceof Type.Bool) {
                return CodeBlock.of("$L $L $L", operand(b.left(), b), b.op().symbol(), operand(b.right(), b));
            }
            return CodeBlock.of("$T.$L($L, () -> $L)", OPS, b.op() == BinaryOp.AND ? "and" : "or", expr(b.left()),
                    expr(b.right()));
        }
        if (b.op() == BinaryOp.NULL_COALESCE) {
            return CodeBlock.of("$T.coalesce($L, $L)", OPS, expr(b.left()), expr(b.right()));
        }
        if (b.op() == BinaryOp.SEND) {
            return CodeBlock.of("$T.send($L, $L)", OPS, expr(b.left()), expr(b.right()));
        }
        return binaryCode(b.op(), operand(b.left(), b), lt, operand(b.right(), b), rt, b.right());
    }

    /** An operand of {@code parent}, in parentheses when Java's precedence would regroup it. */
    CodeBlock operand(Expr e, Expr.Binary parent) {
        Expr sibling = e == parent.left() ? parent.right() : parent.left();
        // `n - 1` reads better than `n - 1L`; only where the other side makes the arithmetic long (or double)
        CodeBlock code = e instanceof Expr.IntLit i && i.value() == (int) i.value() && isStaticNumeric(parent)
                && widens(sibling) ? CodeBlock.of("$L", i.value()) : expr(e);
        if (e instanceof Expr.Binary child && javaOperatorCode(child)) {
            if (precedence(child.op()) < precedence(parent.op())
                    || precedence(child.op()) == precedence(parent.op()) && e == parent.right()) {
                return CodeBlock.of("($L)", code);
            }
        }
        if (e instanceof Expr.Ternary || e instanceof Expr.Assign || (e instanceof Expr.If)) {
            return CodeBlock.of("($L)", code);
        }
        return code;
    }

    /** Whether the Java code of {@code e} is a {@code long} or {@code double}, so an {@code int} literal beside it widens. */
    boolean widens(Expr e) {
        Type t = types.of(e);
        if (t instanceof Type.Float) {
            return true;
        }
        if (!(t instanceof Type.Int)) {
            return false;
        }
        return switch (e) {
            case Expr.IntLit i -> false;
            case Expr.Binary b -> !javaOperatorCode(b) || widens(b.left()) || widens(b.right());
            case Expr.Unary u -> widens(u.operand());
            default -> true;
        };
    }

    boolean isStaticNumeric(Expr.Binary b) {
        Type lt = types.of(b.left());
        Type rt = types.of(b.right());
        return lt.isNumeric() && rt.isNumeric() && switch (b.op()) {
            case ADD, SUB, MUL, LT, LE, GT, GE, EQ, NE -> true;
            case DIV, REM -> lt instanceof Type.Int && rt instanceof Type.Int && isNonZeroLiteral(b.right());
            default -> false;
        };
    }

    /** Whether a binary expression is emitted with a Java infix operator (so precedence matters). */
    boolean javaOperatorCode(Expr.Binary b) {
        Type lt = types.of(b.left());
        Type rt = types.of(b.right());
        boolean checkedInts = cx.checkedArithmetic && lt instanceof Type.Int && rt instanceof Type.Int;
        return switch (b.op()) {
            case ADD -> !checkedInts && lt.isNumeric() && rt.isNumeric() || lt instanceof Type.Str;
            case SUB, MUL -> !checkedInts && lt.isNumeric() && rt.isNumeric();
            case DIV -> lt.isNumeric() && rt instanceof Type.Float || lt instanceof Type.Float && rt.isNumeric()
                    || lt instanceof Type.Int && rt instanceof Type.Int && isNonZeroLiteral(b.right());
            case REM -> lt instanceof Type.Int && rt instanceof Type.Int && isNonZeroLiteral(b.right());
            case LT, LE, GT, GE, EQ, NE -> lt.isNumeric() && rt.isNumeric() || lt instanceof Type.Bool && rt instanceof Type.Bool;
            case AND, OR -> lt instanceof Type.Bool && rt instanceof Type.Bool;
            case BIT_AND, BIT_OR, BIT_XOR, SHL, SHR -> lt instanceof Type.Int && rt instanceof Type.Int;
            default -> false;
        };
    }

    static int precedence(BinaryOp op) {
        return switch (op) {
            case OR -> 1;
            case AND -> 2;
            case BIT_OR -> 3;
            case BIT_XOR -> 4;
            case BIT_AND -> 5;
            case EQ, NE -> 6;
            case LT, LE, GT, GE -> 7;
            case SHL, SHR -> 8;
            case ADD, SUB -> 9;
            case MUL, DIV, REM -> 10;
            default -> 11;
        };
    }

    CodeBlock binaryCode(BinaryOp op, CodeBlock left, Type lt, CodeBlock right, Type rt, Expr rightExpr) {
        boolean numeric = lt.isNumeric() && rt.isNumeric();
        boolean ints = lt instanceof Type.Int && rt instanceof Type.Int;
        switch (op) {
            case ADD:
                if (ints && cx.checkedArithmetic) {
                    return CodeBlock.of("$T.addExact($L, $L)", OPS, left, right);
                }
                if (numeric) {
                    return CodeBlock.of("$L + $L", left, right);
                }
                if (lt instanceof Type.Str) {
                    if (rt instanceof Type.Str || rt instanceof Type.Int || rt instanceof Type.Bool) {
                        return CodeBlock.of("$L + $L", left, right);
                    }
                    if (rt instanceof Type.Float) {
                        return CodeBlock.of("$L + $T.plain($L)", left, FMT, right);
                    }
                    return CodeBlock.of("$T.concat($L, $L)", OPS, left, right);
                }
                if (rt instanceof Type.Str) {
                    return CodeBlock.of("$T.concat($L, $L)", OPS, left, right);
                }
                return dynamic(cx.checkedArithmetic ? "addChecked" : "add", left, lt, right, rt);
            case SUB, MUL:
                if (ints && cx.checkedArithmetic) {
                    return CodeBlock.of("$T.$L($L, $L)", OPS, op == BinaryOp.SUB ? "subtractExact" : "multiplyExact", left, right);
                }
                if (numeric) {
                    return CodeBlock.of("$L $L $L", left, op.symbol(), right);
                }
                return dynamic(arithMethod(op), left, lt, right, rt);
            case DIV:
                if (ints && isNonZeroLiteral(rightExpr)) {
                    return CodeBlock.of("$L / $L", left, right);
                }
                if (ints) {
                    return CodeBlock.of("$T.div($L, $L)", OPS, left, right);
                }
                if (numeric) {
                    return CodeBlock.of("$L / $L", left, right);
                }
                return dynamic("div", left, lt, right, rt);
            case REM:
                if (ints && isNonZeroLiteral(rightExpr)) {
                    return CodeBlock.of("$L % $L", left, right);
                }
                if (numeric) {
                    return CodeBlock.of("$T.rem($L, $L)", OPS, left, right);
                }
                return dynamic("rem", left, lt, right, rt);
            case POW:
                if (numeric && (lt instanceof Type.Float || rt instanceof Type.Float)) {
                    return CodeBlock.of("$T.pow($L, $L)", Math.class, left, right);
                }
                return dynamic("pow", left, lt, right, rt);
            case EQ, NE: {
                String not = op == BinaryOp.NE ? "!" : "";
                if (numeric || lt instanceof Type.Bool && rt instanceof Type.Bool) {
                    return CodeBlock.of("$L $L $L", left, op.symbol(), right);
                }
                if (rightExpr instanceof Expr.NilLit) {
                    return CodeBlock.of("$L $L null", left, op.symbol());
                }
                if (lt instanceof Type.Str && rt instanceof Type.Str) {
                    return CodeBlock.of("$L$L.equals($L)", not, left, right);
                }
                return CodeBlock.of("$L$T.eq($L, $L)", not, OPS, left, right);
            }
            case LT, LE, GT, GE:
                if (numeric) {
                    return CodeBlock.of("$L $L $L", left, op.symbol(), right);
                }
                if (lt instanceof Type.Str && rt instanceof Type.Str) {
                    return CodeBlock.of("$L.compareTo($L) $L 0", left, right, op.symbol());
                }
                return dynamic(switch (op) {
                    case LT -> "lt";
                    case LE -> "le";
                    case GT -> "gt";
                    default -> "ge";
                }, left, lt, right, rt);
            case BIT_AND, BIT_OR, BIT_XOR, SHL, SHR:
                if (ints) {
                    return CodeBlock.of("$L $L $L", left, op.symbol(), right);
                }
                return dynamic(opMethod(op), left, lt, right, rt);
            default:
                return dynamic(opMethod(op), left, lt, right, rt);
        }
    }

    static boolean isNonZeroLiteral(Expr e) {
        return e instanceof Expr.IntLit i && i.value() != 0;
    }

    CodeBlock dynamic(String method, CodeBlock left, Type lt, CodeBlock right, Type rt) {
        return CodeBlock.of("$T.$L($L, $L)", OPS, method, left, right);
    }

    /** The {@code Ops} method of a dynamic {@code op}; {@code +}, {@code -} and {@code *} check overflow under {@code --checked}. */
    String arithMethod(BinaryOp op) {
        String method = opMethod(op);
        return cx.checkedArithmetic && (op == BinaryOp.ADD || op == BinaryOp.SUB || op == BinaryOp.MUL) ? method + "Checked" : method;
    }

    static String opMethod(BinaryOp op) {
        return switch (op) {
            case ADD -> "add";
            case SUB -> "sub";
            case MUL -> "mul";
            case DIV -> "div";
            case REM -> "rem";
            case POW -> "pow";
            case BIT_AND -> "bitAnd";
            case BIT_OR -> "bitOr";
            case BIT_XOR -> "bitXor";
            case SHL -> "shl";
            case SHR -> "shr";
            case LT -> "lt";
            case LE -> "le";
            case GT -> "gt";
            case GE -> "ge";
            default -> "unsupported";
        };
    }

    CodeBlock pipeline(Expr.Binary b) {
        Expr target = b.right();
        if (target instanceof Expr.Ident id) {
            Symbol sym = cx.symbolOf(id);
            if (sym != null && sym.kind() == Symbol.Kind.FUNCTION) {
                return cx.calls.call(new Expr.Call(id, List.of(new Expr.Arg(null, b.left(), b.left().span())), b.span()));
            }
            if (sym != null) {
                return CodeBlock.of("$T.call($L, $L)", OPS, expr(id), expr(b.left()));
            }
            return cx.calls.methodCall(new Expr.MethodCall(b.left(), id.name(), List.of(), List.of(), false, b.span()));
        }
        if (target instanceof Expr.Call c && c.callee() instanceof Expr.Ident id) {
            List<Expr.Arg> args = new ArrayList<>();
            args.add(new Expr.Arg(null, b.left(), b.left().span()));
            args.addAll(c.args());
            Symbol sym = cx.symbolOf(id);
            if (sym != null) {
                return cx.calls.call(new Expr.Call(id, args, b.span()));
            }
            return cx.calls.methodCall(new Expr.MethodCall(b.left(), id.name(), List.of(), c.args(), false, b.span()));
        }
        return CodeBlock.of("$T.call($L, $L)", OPS, expr(target), expr(b.left()));
    }
}
