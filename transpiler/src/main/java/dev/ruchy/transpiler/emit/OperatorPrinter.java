package dev.ruchy.transpiler.emit;

import static dev.ruchy.transpiler.emit.RuntimeApi.FMT;
import static dev.ruchy.transpiler.emit.RuntimeApi.OPS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.ruchy.transpiler.ast.BinaryOp;
import dev.ruchy.transpiler.ast.Expr;
import dev.ruchy.transpiler.code.Symbol;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.lower.Lowering;
import dev.ruchy.transpiler.types.Operation;
import java.util.ArrayList;
import java.util.List;

/** Binary operators: Java infix operators where both operand types are known, the runtime's dynamic operations otherwise. */
final class OperatorPrinter extends Printer {
    OperatorPrinter(EmitContext cx) {
        super(cx);
    }

    CodeBlock binary(Expr.Binary b) {
        if (b.op() == BinaryOp.PIPELINE) {
            throw Lowering.notLowered(b);
        }
        Operation op = types.operation(b);
        return switch (op) {
            case Operation.Infix i -> CodeBlock.of("$L$W$L $L", operand(b.left(), b), i.symbol(), operand(b.right(), b));
            case Operation.ConcatPlain c -> print(op, operand(b.left(), b), operand(b.right(), b));
            case Operation.Method m -> print(op, cx.expressions.parenthesized(b.left()), argument(b.right(), b));
            case Operation.Compare c -> print(op, cx.expressions.parenthesized(b.left()), argument(b.right(), b));
            default -> print(op, argument(b.left(), b), argument(b.right(), b));
        };
    }

    /** The Java of {@code op} on two operands already printed (a compound assignment's variable and value, too). */
    CodeBlock print(Operation op, CodeBlock left, CodeBlock right) {
        return switch (op) {
            case Operation.Infix i -> CodeBlock.of("$L$W$L $L", left, i.symbol(), right);
            case Operation.ConcatPlain c -> CodeBlock.of("$L$W+ $T.plain($L)", left, FMT, right);
            case Operation.Call c -> CodeBlock.of("$L$T.$L($L, $L)", c.negated() ? "!" : "", ClassName.bestGuess(c.owner()),
                    c.method(), left, right);
            case Operation.Method m -> CodeBlock.of("$L$L.$L($L)", m.negated() ? "!" : "", left, m.method(), right);
            case Operation.Compare c -> CodeBlock.of("$L.compareTo($L) $L 0", left, right, c.symbol());
            case Operation.ShortCircuit sc -> CodeBlock.of("$T.$L($L, () -> $L)", OPS, sc.method(), left, right);
        };
    }

    /** An operand of {@code parent} passed as an argument: no parentheses, an {@code int} literal where it widens. */
    private CodeBlock argument(Expr e, Expr.Binary parent) {
        if (types.operation(parent) instanceof Operation.Call && isListLength(e)
                && types.of(parent.left()).isNumeric() && types.of(parent.right()).isNumeric()) {
            // `Ops.rem(i + 1, xs.size())`: the int widens to the long (or double) parameter by itself
            return size(e);
        }
        return shortLiteral(e, parent) ? CodeBlock.of("$L", ((Expr.IntLit) e).value()) : expr(e);
    }

    /** {@code xs.size()} for {@code xs.len()}: where an {@code int} does what the {@code long} would. */
    CodeBlock size(Expr length) {
        return CodeBlock.of("$L.size()", cx.expressions.parenthesized(((Expr.MethodCall) length).receiver()));
    }

    /** An operand of {@code parent}, in parentheses when Java's precedence would regroup it. */
    CodeBlock operand(Expr operand, Expr.Binary parent) {
        if (isListLength(operand) && (isComparison(parent.op()) || joinsStrings(parent))) {
            // `i < xs.size()`, `"n: " + xs.size()`: the int compares and prints as the long would,
            // where arithmetic needs the long
            return size(operand);
        }
        CodeBlock code = shortLiteral(operand, parent) ? CodeBlock.of("$L", ((Expr.IntLit) operand).value()) : expr(operand);
        Expr e = AstScan.unwrapBlock(operand); // `2 * { 1 + 3 }` prints the block as its expression
        boolean right = operand == parent.right();
        if (e instanceof Expr.Binary child && isInfix(child)) {
            if (precedence(child.op()) < precedence(parent.op())
                    || precedence(child.op()) == precedence(parent.op()) && right) {
                return CodeBlock.of("($L)", code);
            }
        }
        if (e instanceof Expr.Ternary || e instanceof Expr.Assign || (e instanceof Expr.If)) {
            return CodeBlock.of("($L)", code);
        }
        return code;
    }

    /** Whether {@code b} is Java's string {@code +}: a string result of a Java infix {@code +}. */
    private boolean joinsStrings(Expr.Binary b) {
        return b.op() == BinaryOp.ADD && types.of(b) instanceof Type.Str && types.operation(b) instanceof Operation.Infix;
    }

    private static boolean isComparison(BinaryOp op) {
        return switch (op) {
            case LT, LE, GT, GE, EQ, NE -> true;
            default -> false;
        };
    }

    /** {@code xs.len()} (or {@code length()}) on an array, which the catalog prints as {@code (long) xs.size()}. */
    boolean isListLength(Expr e) {
        return e instanceof Expr.MethodCall m && m.args().isEmpty() && !m.optional() && types.javaSite(m) == null
                && (m.name().equals("len") || m.name().equals("length")) && types.of(m.receiver()) instanceof Type.ListType;
    }

    /** `n - 1` reads better than `n - 1L`: an int literal beside a long (or double) operand of Java arithmetic. */
    private boolean shortLiteral(Expr e, Expr.Binary parent) {
        Expr sibling = e == parent.left() ? parent.right() : parent.left();
        return e instanceof Expr.IntLit i && i.value() == (int) i.value() && isStaticNumeric(parent) && widens(sibling);
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
            case Expr.Binary b -> !isInfix(b) || widens(b.left()) || widens(b.right());
            case Expr.Unary u -> widens(u.operand());
            default -> true;
        };
    }

    boolean isStaticNumeric(Expr.Binary b) {
        Type lt = types.of(b.left());
        Type rt = types.of(b.right());
        return lt.isNumeric() && rt.isNumeric() && switch (b.op()) {
            case ADD, SUB, MUL, LT, LE, GT, GE, EQ, NE -> true;
            case DIV, REM -> lt instanceof Type.Int && rt instanceof Type.Int && b.right() instanceof Expr.IntLit i && i.value() != 0;
            default -> false;
        };
    }

    /** Whether a binary expression is written with a Java infix operator (so precedence matters). */
    private boolean isInfix(Expr.Binary b) {
        Operation op = types.operation(b);
        return op != null && op.isInfix();
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
}
