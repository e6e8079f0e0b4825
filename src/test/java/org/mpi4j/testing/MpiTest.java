package org.mpi4j.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that runs on every rank: in the plain Surefire run (one process) and under
 * {@code mpiexec} with 2, 3 and 4 ranks ({@link MpiexecSuiteTest}). Such tests must pass at any
 * process count and call collectives in the same order on every rank.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("mpi")
public @interface MpiTest {
}
