/**
 * Distributed synchronisation on one-sided windows, as {@code mpi4py.util.sync}: a shared
 * {@link org.mpi4j.util.Counter}, a {@link org.mpi4j.util.Mutex}, a
 * {@link org.mpi4j.util.Semaphore}, {@link org.mpi4j.util.Sequential} sections that the ranks enter
 * in rank order, and a {@link org.mpi4j.util.RootWindow} of memory at one rank.
 */
package org.mpi4j.util;
