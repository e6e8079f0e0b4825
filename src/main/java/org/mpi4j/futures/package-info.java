/**
 * Executors whose tasks run on other MPI processes, as {@code mpi4py.futures}: an
 * {@link org.mpi4j.futures.MpiPoolExecutor} spawns its own worker JVMs, an
 * {@link org.mpi4j.futures.MpiCommExecutor} uses the ranks of an existing communicator, and
 * {@link org.mpi4j.futures.Run} starts a program whose rank 0 submits while the others serve.
 * Tasks are serializable lambdas ({@link org.mpi4j.futures.SerializableCallable} and friends).
 */
package org.mpi4j.futures;
