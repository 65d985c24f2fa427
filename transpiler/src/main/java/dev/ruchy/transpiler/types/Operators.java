package dev.ruchy.transpiler.types;

import dev.ruchy.transpiler.ast.BinaryOp;
import dev.ruchy.transpiler.code.Type;

/**
 * The binary operators' table, like javac's {@code Operators}: for an operator and the types of its
 * operands, the type of the result (ruchy-semantics §3.1–3.6) and the {@link Operation} it becomes in
 * Java. Known numeric, boolean and string operands get Java's operators; anything dynamic goes
 * through the runtime's {@code Ops}, which applies Ruchy's rules at run time.
 */
public final class Operators {
    private Operators() {
    }

    /** The type of {@code left op right}; {@link Type#UNKNOWN} while an operand is still unknown. */
    public static Type resultType(BinaryOp op, Type left, Type right) {
        return switch (op) {
            case EQ, NE, LT, LE, GT, GE -> Type.BOOL;
            case AND, OR -> left instanceof Type.Bool && right instanceof Type.Bool ? Type.BOOL
                    : left.isUnknown() || right.isUnknown() ? Type.UNKNOWN : Type.DYN;
            case NULL_COALESCE -> Type.join(left, right);
            case BIT_AND, BIT_OR, BIT_XOR, SHL, SHR -> left.isUnknown() || right.isUnknown() ? Type.UNKNOWN
                    : left instanceof Type.Int && right instanceof Type.Int ? Type.INT : Type.DYN;
            case SEND, PIPELINE -> Type.DYN;
            default -> arithmetic(op, left, right);
        };
    }

    /** {@code + - * / % **} (§3.1–3.3, §3.6). */
    static Type arithmetic(BinaryOp op, Type left, Type right) {
        if (op == BinaryOp.ADD && (left instanceof Type.Str || right instanceof Type.Str)) {
            return Type.STR;
        }
        if (op == BinaryOp.ADD && left instanceof Type.ListType && right instanceof Type.ListType) {
            return Type.join(left, right);
        }
        if (left.isUnknown() || right.isUnknown()) {
            return Type.UNKNOWN;
        }
        if (op == BinaryOp.MUL && left instanceof Type.Str && right instanceof Type.Int) {
            return Type.STR;
        }
        if (left instanceof Type.Int && right instanceof Type.Int) {
            return op == BinaryOp.POW ? Type.DYN : Type.INT;
        }
        if (left.isNumeric() && right.isNumeric()) {
            return Type.FLOAT;
        }
        return Type.DYN;
    }

    /**
     * What {@code left op right} becomes in Java.
     *
     * @param checked          {@code --checked}: integer {@code + - *} fail on overflow
     * @param nonZeroDivisor   the right operand is a non-zero integer literal, so integer {@code /} and
     *                         {@code %} need no division-by-zero check
     */
    public static Operation operation(BinaryOp op, Type left, Type right, boolean checked, boolean nonZeroDivisor) {
        boolean numeric = left.isNumeric() && right.isNumeric();
        boolean ints = left instanceof Type.Int && right instanceof Type.Int;
        boolean bools = left instanceof Type.Bool && right instanceof Type.Bool;
        return switch (op) {
            case ADD -> {
                if (ints && checked) {
                    yield call("addExact");
                }
                if (numeric) {
                    yield infix(op);
                }
                if (left instanceof Type.Str) {
                    if (right instanceof Type.Str || right instanceof Type.Int || right instanceof Type.Bool) {
                        yield infix(op);
                    }
                    yield right instanceof Type.Float ? new Operation.ConcatPlain() : call("concat");
                }
                yield right instanceof Type.Str ? call("concat") : dynamic(op, checked);
            }
            case SUB, MUL -> ints && checked ? call(op == BinaryOp.SUB ? "subtractExact" : "multiplyExact")
                    : numeric ? infix(op) : dynamic(op, checked);
            case DIV -> ints && nonZeroDivisor || numeric && !ints ? infix(op) : ints ? call("div") : dynamic(op, checked);
            case REM -> ints && nonZeroDivisor ? infix(op) : numeric ? call("rem") : dynamic(op, checked);
            case POW -> numeric && !ints ? new Operation.Call(Operation.MATH, "pow", false) : dynamic(op, checked);
            // `x == nil` is Java's null check, on anything but a primitive
            case EQ, NE -> numeric || bools || right instanceof Type.Nil && !left.isPrimitive() ? infix(op)
                    : left instanceof Type.Str && right instanceof Type.Str ? new Operation.Method("equals", op == BinaryOp.NE)
                    // two values of one Java class: Java's equals (LocalDate, an enum constant, a UUID)
                    : left instanceof Type.JavaType jl && right instanceof Type.JavaType jr && jl.binaryName().equals(jr.binaryName())
                    ? new Operation.Call("java.util.Objects", "equals", op == BinaryOp.NE)
                    : new Operation.Call(Operation.OPS, "eq", op == BinaryOp.NE);
            case LT, LE, GT, GE -> numeric ? infix(op)
                    : left instanceof Type.Str && right instanceof Type.Str ? new Operation.Compare(op.symbol())
                    : dynamic(op, checked);
            case BIT_AND, BIT_OR, BIT_XOR, SHL, SHR -> ints ? infix(op) : dynamic(op, checked);
            case AND, OR -> bools ? infix(op) : new Operation.ShortCircuit(op == BinaryOp.AND ? "and" : "or");
            case NULL_COALESCE -> call("coalesce");
            case SEND -> call("send");
            default -> dynamic(op, checked);
        };
    }

    /**
     * The runtime's dynamic operation for {@code op} ({@code Ops.add}, {@code Ops.lt}...); under
     * {@code --checked}, {@code + - *} check for overflow ({@code Ops.addChecked}).
     */
    public static String dynamicMethod(BinaryOp op, boolean checked) {
        String method = switch (op) {
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
        return checked && (op == BinaryOp.ADD || op == BinaryOp.SUB || op == BinaryOp.MUL) ? method + "Checked" : method;
    }

    private static Operation dynamic(BinaryOp op, boolean checked) {
        return new Operation.Call(Operation.OPS, dynamicMethod(op, checked), false);
    }

    private static Operation call(String method) {
        return new Operation.Call(Operation.OPS, method, false);
    }

    private static Operation infix(BinaryOp op) {
        return new Operation.Infix(op.symbol());
    }
}
