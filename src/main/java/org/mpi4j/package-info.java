/**
 * MPI for Java: one class per MPI object, named so that an MPI user finds the call
 * ({@code MPI_Comm_rank} is {@link org.mpi4j.Comm#rank()}, {@code MPI_Win_lock} is
 * {@link org.mpi4j.Win#lock}).
 *
 * <p>{@link org.mpi4j.MPI} holds the environment (initialisation, which happens on first use,
 * finalisation at JVM exit, the predefined communicators and constants); {@link org.mpi4j.Comm}
 * and {@link org.mpi4j.Intracomm} carry point-to-point and collective communication;
 * {@link org.mpi4j.Win} one-sided communication; {@link org.mpi4j.File} parallel I/O;
 * {@link org.mpi4j.Datatype} and {@link org.mpi4j.Op} the types and reductions. Buffers are
 * {@link java.lang.foreign.MemorySegment}s or whole primitive arrays; objects travel with the
 * {@code *Object} methods. Every MPI error becomes an {@link org.mpi4j.MpiException}; bad arguments
 * are refused with an {@link java.lang.IllegalArgumentException} before any native call.
 *
 * <pre>{@code
 * Intracomm world = MPI.COMM_WORLD;
 * double[] mine = {world.rank()}, got = new double[1];
 * world.sendrecv(mine, (world.rank() + 1) % world.size(), 0,
 *                got, (world.rank() + world.size() - 1) % world.size(), 0, null);
 * }</pre>
 *
 * <p>{@link org.mpi4j.Run} runs a program on every rank of an {@code mpiexec} job and aborts the
 * job when a rank fails; {@link org.mpi4j.Shell} is an interactive JShell on every rank.
 */
package org.mpi4j;
