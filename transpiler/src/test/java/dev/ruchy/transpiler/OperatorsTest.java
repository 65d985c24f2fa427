package dev.ruchy.transpiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruchy.transpiler.ast.BinaryOp;
import dev.ruchy.transpiler.code.Type;
import dev.ruchy.transpiler.types.Operation;
import dev.ruchy.transpiler.types.Operators;
import org.junit.jupiter.api.Test;

/** The binary operators' table: result types and the Java each operator becomes. */
class OperatorsTest {
    private static Operation op(BinaryOp op, Type left, Type right) {
        return Operators.operation(op, left, right, false, false);
    }

    private static Operation.Call ops(String method) {
        return new Operation.Call(Operation.OPS, method, false);
    }

    @Test
    void knownNumbersUseJavaOperators() {
        assertEquals(new Operation.Infix("+"), op(BinaryOp.ADD, Type.INT, Type.INT));
        assertEquals(new Operation.Infix("*"), op(BinaryOp.MUL, Type.FLOAT, Type.INT));
        assertEquals(new Operation.Infix("<="), op(BinaryOp.LE, Type.INT, Type.FLOAT));
        assertEquals(new Operation.Infix("<<"), op(BinaryOp.SHL, Type.INT, Type.INT));
        assertEquals(new Operation.Infix("&&"), op(BinaryOp.AND, Type.BOOL, Type.BOOL));
        assertEquals(Type.INT, Operators.resultType(BinaryOp.ADD, Type.INT, Type.INT));
        assertEquals(Type.FLOAT, Operators.resultType(BinaryOp.DIV, Type.INT, Type.FLOAT));
        assertEquals(Type.BOOL, Operators.resultType(BinaryOp.LT, Type.DYN, Type.INT));
    }

    @Test
    void integerDivisionChecksForZeroUnlessTheDivisorIsANonZeroLiteral() {
        assertEquals(ops("div"), op(BinaryOp.DIV, Type.INT, Type.INT));
        assertEquals(new Operation.Infix("/"), Operators.operation(BinaryOp.DIV, Type.INT, Type.INT, false, true));
        assertEquals(ops("rem"), op(BinaryOp.REM, Type.INT, Type.INT));
        assertEquals(new Operation.Infix("%"), Operators.operation(BinaryOp.REM, Type.INT, Type.INT, false, true));
        assertEquals(new Operation.Infix("/"), op(BinaryOp.DIV, Type.FLOAT, Type.INT));
    }

    @Test
    void checkedArithmeticFailsOnOverflow() {
        assertEquals(ops("addExact"), Operators.operation(BinaryOp.ADD, Type.INT, Type.INT, true, false));
        assertEquals(ops("multiplyExact"), Operators.operation(BinaryOp.MUL, Type.INT, Type.INT, true, false));
        assertEquals(new Operation.Infix("+"), Operators.operation(BinaryOp.ADD, Type.FLOAT, Type.INT, true, false));
        assertEquals(ops("subChecked"), Operators.operation(BinaryOp.SUB, Type.DYN, Type.INT, true, false));
    }

    @Test
    void stringsConcatenateCompareAndOrder() {
        assertEquals(new Operation.Infix("+"), op(BinaryOp.ADD, Type.STR, Type.INT));
        assertEquals(new Operation.ConcatPlain(), op(BinaryOp.ADD, Type.STR, Type.FLOAT));
        assertEquals(ops("concat"), op(BinaryOp.ADD, Type.DYN, Type.STR));
        assertEquals(new Operation.Method("equals", true), op(BinaryOp.NE, Type.STR, Type.STR));
        assertEquals(new Operation.Compare(">"), op(BinaryOp.GT, Type.STR, Type.STR));
        assertEquals(Type.STR, Operators.resultType(BinaryOp.ADD, Type.DYN, Type.STR));
        assertEquals(Type.STR, Operators.resultType(BinaryOp.MUL, Type.STR, Type.INT));
    }

    @Test
    void nilChecksAreJavaNullChecksExceptOnPrimitives() {
        assertEquals(new Operation.Infix("=="), op(BinaryOp.EQ, Type.STR, Type.NIL));
        assertEquals(new Operation.Call(Operation.OPS, "eq", false), op(BinaryOp.EQ, Type.INT, Type.NIL));
        assertEquals(new Operation.Call(Operation.OPS, "eq", true), op(BinaryOp.NE, Type.DYN, Type.INT));
    }

    @Test
    void dynamicOperandsGoThroughTheRuntime() {
        assertEquals(ops("add"), op(BinaryOp.ADD, Type.DYN, Type.INT));
        assertEquals(ops("lt"), op(BinaryOp.LT, Type.DYN, Type.DYN));
        assertEquals(new Operation.ShortCircuit("or"), op(BinaryOp.OR, Type.DYN, Type.BOOL));
        assertEquals(new Operation.Call(Operation.MATH, "pow", false), op(BinaryOp.POW, Type.FLOAT, Type.INT));
        assertEquals(ops("pow"), op(BinaryOp.POW, Type.INT, Type.INT));
        assertEquals(Type.DYN, Operators.resultType(BinaryOp.POW, Type.INT, Type.INT));
        assertEquals(Type.UNKNOWN, Operators.resultType(BinaryOp.SUB, Type.UNKNOWN, Type.INT));
    }

    @Test
    void onlyJavaOperatorsTakePartInPrecedence() {
        assertTrue(op(BinaryOp.ADD, Type.INT, Type.INT).isInfix());
        assertTrue(op(BinaryOp.ADD, Type.STR, Type.FLOAT).isInfix());
        assertFalse(op(BinaryOp.ADD, Type.DYN, Type.STR).isInfix());
        assertFalse(op(BinaryOp.EQ, Type.STR, Type.STR).isInfix());
    }
}
