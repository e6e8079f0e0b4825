package org.mpi4j;

import java.lang.foreign.MemorySegment;
import java.util.Set;
import org.mpi4j.internal.Downcalls;

/**
 * The converter of the one-sided family (tier 3 of the buffer rule): origin, result and compare
 * buffers must be native memory, checked against their count and datatype once; counts fit an
 * {@code int}; and the operations of accumulate calls are predefined ones that MPI defines on the
 * datatype (MPI-3.1 section 5.9.2), which would otherwise fail inside MPI or at the target. Derived
 * types are left to MPI.
 */
final class RmaBuffers {
    private RmaBuffers() {
    }

    /** Refuses heap memory, which MPI may access after the call returns (a Java array may move). */
    static MemorySegment requireNative(MemorySegment seg, String what) {
        if (seg == null) {
            throw new NullPointerException(what + " is null");
        }
        if (!Downcalls.isNative(seg)) {
            throw new IllegalArgumentException(what + " must be native memory, not a Java array: one-sided "
                    + "communication may access it after the call returns. Allocate it from an Arena "
                    + "(arena.allocate(...)) or use the window's own segment()");
        }
        return seg;
    }

    /** {@link #span}, returning the count as an {@code int}. */
    static int originCount(MemorySegment buf, long count, Datatype type, String what) {
        span(buf, count, type, what);
        return (int) count;
    }

    /**
     * Checks a native buffer against {@code count} elements of {@code type}, whose count must fit
     * an {@code int}; returns the bytes they span.
     */
    static long span(MemorySegment buf, long count, Datatype type, String what) {
        requireNative(buf, what);
        long span = Buffers.span(buf, count, type);
        intCount(count);
        return span;
    }

    /** {@link #span} of a result buffer, which must be writable. */
    static long resultSpan(MemorySegment buf, long count, Datatype type) {
        long span = span(buf, count, type, "result buffer");
        if (buf.isReadOnly()) {
            throw new IllegalArgumentException("result buffer is read-only");
        }
        return span;
    }

    /** {@link #resultSpan}, returning the count as an {@code int}. */
    static int resultCount(MemorySegment buf, long count, Datatype type) {
        resultSpan(buf, count, type);
        return (int) count;
    }

    static int intCount(long count) {
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count " + count + " exceeds 2^31-1; use a larger datatype");
        }
        return (int) count;
    }

    static void requirePredefined(Datatype type, String what) {
        Errors.checkNotNull(type, "datatype");
        if (!type.isPredefined()) {
            throw new IllegalArgumentException(what + " takes one element of a predefined datatype, not "
                    + type.getName());
        }
    }

    /** The handle of a predefined op that MPI defines on {@code type}'s elements. */
    static MemorySegment checkOp(Op op, Datatype type) {
        Errors.checkNotNull(op, "operation");
        Errors.checkNotNull(type, "datatype");
        if (op.isUserDefined()) {
            throw new IllegalArgumentException("one-sided accumulate operations take predefined operations only "
                    + "(Op.SUM, Op.REPLACE, ...), not a user-defined Java operation");
        }
        if (type.rmaCheckedOp != op) { // the set lookups below cost more than the operation itself
            String why = mismatch(op, type);
            if (why != null) {
                throw new IllegalArgumentException(why);
            }
            type.rmaCheckedOp = op;
        }
        return op.handle();
    }


    private static final Set<Datatype> PAIRS = Set.of(Datatype.FLOAT_INT, Datatype.DOUBLE_INT, Datatype.LONG_INT,
            Datatype.INT_INT, Datatype.SHORT_INT, Datatype.LONG_DOUBLE_INT);
    private static final Set<Datatype> FLOATING = Set.of(Datatype.FLOAT, Datatype.DOUBLE, Datatype.LONG_DOUBLE);
    private static final Set<Datatype> COMPLEX = Set.of(Datatype.C_FLOAT_COMPLEX, Datatype.C_DOUBLE_COMPLEX);

    /** Why {@code op} is not defined on {@code type}, or null if it is (or cannot be told). */
    static String mismatch(Op op, Datatype type) {
        if (op == Op.REPLACE || op == Op.NO_OP || !type.isPredefined()) {
            return null;
        }
        boolean locOp = op == Op.MAXLOC || op == Op.MINLOC;
        boolean pair = PAIRS.contains(type);
        if (locOp != pair) {
            return locOp ? "MAXLOC and MINLOC work on pair types (Datatype.DOUBLE_INT, ...), not on " + type.getName()
                    : "a pair type such as " + type.getName() + " takes MAXLOC, MINLOC, REPLACE or NO_OP only";
        }
        if (pair) {
            return null;
        }
        boolean logical = op == Op.LAND || op == Op.LOR || op == Op.LXOR;
        boolean bitwise = op == Op.BAND || op == Op.BOR || op == Op.BXOR;
        boolean arithmetic = op == Op.SUM || op == Op.PROD;
        if (type.equals(Datatype.BYTE) && !bitwise) {
            return "BYTE takes bitwise operations, REPLACE or NO_OP only: pass the element datatype "
                    + "(e.g. Datatype.INT64_T) to " + opName(op);
        }
        if (type.equals(Datatype.C_BOOL) && !logical) {
            return "C_BOOL takes logical operations, REPLACE or NO_OP only";
        }
        if ((FLOATING.contains(type) || COMPLEX.contains(type)) && (logical || bitwise)) {
            return "logical and bitwise operations are not defined on " + type.getName();
        }
        if (COMPLEX.contains(type) && !arithmetic) {
            return "complex types take SUM, PROD, REPLACE or NO_OP only";
        }
        return null;
    }

    /** Whether {@code MPI_Compare_and_swap} takes {@code type}: integer, boolean and byte types. */
    static boolean comparable(Datatype type) {
        return !PAIRS.contains(type) && !FLOATING.contains(type) && !COMPLEX.contains(type)
                && !type.equals(Datatype.PACKED);
    }

    private static String opName(Op op) {
        return op == Op.SUM ? "SUM" : op == Op.PROD ? "PROD" : op == Op.MAX ? "MAX" : op == Op.MIN ? "MIN"
                : "this operation";
    }
}
