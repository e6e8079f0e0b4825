package org.mpi4j;

import java.util.Set;

/**
 * Which predefined operations MPI defines on which predefined datatypes (MPI-3.1 section 5.9.2),
 * for the one-sided calls, which would otherwise fail inside MPI or at the target. Derived types
 * are left to MPI.
 */
final class RmaTypes {
    private RmaTypes() {
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
