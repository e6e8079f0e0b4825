package org.mpi4j;

import java.lang.foreign.MemorySegment;

/**
 * The body of a user-defined reduction operation ({@code MPI_User_function}), written in Java and
 * turned into an {@link Op} by {@link Op#create(UserFunction, boolean)}.
 *
 * <p>MPI calls it with {@code count} elements of {@code type} in {@code in} and in {@code inout};
 * it must leave {@code in[i] op inout[i]} in {@code inout[i]}. Both segments span exactly the
 * {@code count} elements and are valid only during the call. An exception thrown here does not
 * reach MPI: the reduction finishes (with undefined results) and the exception is rethrown on the
 * calling process when the MPI call returns, or when a nonblocking reduction is completed.
 */
@FunctionalInterface
public interface UserFunction {
    /**
     * Combines {@code count} elements of {@code in} into {@code inout}.
     *
     * @param in    the first operand, read-only
     * @param inout the second operand, and where the result goes
     * @param count the number of elements of {@code type}
     * @param type  the datatype of the elements (what the caller passed to the reduction)
     */
    void apply(MemorySegment in, MemorySegment inout, int count, Datatype type);
}
