/**
 * Multi-rank JUnit 5 tests of your own: a class annotated {@link org.mpi4j.junit.MpiTest} runs in
 * the ordinary test JVM and, through {@link org.mpi4j.junit.MpiTestExtension}, again under
 * {@code mpiexec} at each rank count it names, failing with a report per rank. Needs JUnit 5 on the
 * class path (mpi4j's dependency on it is optional).
 */
package org.mpi4j.junit;
