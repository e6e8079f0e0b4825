package org.mpi4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class on several MPI processes: when the class runs in an ordinary JVM (the
 * IDE, Maven Surefire, Gradle), {@link MpiTestExtension} launches the same class under
 * {@code mpiexec} once per entry of {@link #ranks()}, and each test method passes only if it
 * passed on every rank of every run; otherwise it fails with a report per rank (each rank's
 * exception and stack trace). Under {@code mpiexec}, the tests simply run on each rank.
 *
 * <pre>{@code
 * @MpiTest(ranks = {2, 4})
 * class HaloTest {
 *     @Test
 *     void neighboursSeeEachOthersRank() {
 *         Intracomm world = MPI.COMM_WORLD;
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Lifecycle methods ({@code @BeforeAll}, {@code @BeforeEach}, ...) run on the ranks only. The
 * ranks get this JVM's class path and {@code java}; {@code mpiexec} must be on the {@code PATH}.
 * The system property {@code mpi4j.mpiexec.options} adds options to every {@code mpiexec} (for
 * example {@code --hostfile hosts --mca btl tcp,self}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MpiTestExtension.class)
public @interface MpiTest {
    /** The process counts to run the class with, one {@code mpiexec} run each. */
    int[] ranks() default {2};

    /** Seconds after which a run is killed (it hangs) and its tests fail. */
    int timeoutSeconds() default 300;

    /** Extra options of the ranks' JVMs (for example {@code -Xmx512m}). */
    String[] jvmOptions() default {};
}
