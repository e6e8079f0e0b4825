package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;
import org.mpi4j.testing.programs.ExplicitInit;
import org.mpi4j.testing.programs.LeakedHandles;

/**
 * What needs a fresh process: explicit initialisation at a chosen thread level, finalisation,
 * and the messages given when the JVM or the machine cannot run MPI at all.
 */
class EnvironmentLifecycleTest {

    @Test
    void initThreadReturnsTheProvidedLevelAndFinalizeEndsMpi() {
        Mpiexec.Result r = Mpiexec.run(2, 60, Mpiexec.java(ExplicitInit.class.getName(), "FUNNELED"));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(2, r.count("before: initialized=false finalized=false"), r.output());
        assertEquals(2, r.count("provided=FUNNELED"), r.output());
        assertEquals(1, r.count("rank 0: query=FUNNELED main=true initialized=true"), r.output());
        assertEquals(1, r.count("rank 1: query=FUNNELED main=true initialized=true"), r.output());
        assertEquals(2, r.count(": finalized=true"), r.output());
        assertEquals(2, r.count(": after finalize: MPI has been finalized"), r.output());
        assertEquals(2, r.count(": init again: MPI has been finalized and cannot be initialized again"),
                r.output());
    }

    @Test
    void plainInitWorksToo() {
        Mpiexec.Result r = Mpiexec.run(1, 60, Mpiexec.java(ExplicitInit.class.getName(), "default"));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(1, r.count("rank 0: query="), r.output());
        assertEquals(1, r.count("rank 0: finalized=true"), r.output());
    }

    private static List<String> javaWithout(String nativeAccessFlag, String... args) {
        List<String> cmd = new ArrayList<>(Mpiexec.java(args));
        cmd.remove("--enable-native-access=ALL-UNNAMED");
        if (nativeAccessFlag != null) {
            cmd.add(1, nativeAccessFlag);
        }
        return cmd;
    }

    @Test
    void missingNativeAccessFlagIsNamed() {
        Mpiexec.Result r = Mpiexec.exec(javaWithout(null, "org.mpi4j.Run", "examples/HelloWorld.java"), 60);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("mpi4j: native access is not enabled; pass "
                + "--enable-native-access=ALL-UNNAMED to java: mpi4j requires it"), r.output());
        assertFalse(r.output().contains("silence"), r.output());
    }

    @Test
    void deniedNativeAccessIsAClearError() {
        Mpiexec.Result r = Mpiexec.exec(javaWithout("--illegal-native-access=deny", "org.mpi4j.Run",
                "examples/HelloWorld.java"), 60);
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("MpiLibraryError: mpi4j needs native access: pass "
                + "--enable-native-access=ALL-UNNAMED to java"), r.output());
    }

    private static Mpiexec.Result runWithLibrary(String library) {
        List<String> cmd = new ArrayList<>(Mpiexec.java("org.mpi4j.Run", "examples/HelloWorld.java"));
        cmd.add(1, "-Dmpi4j.libmpi=" + library);
        return Mpiexec.exec(cmd, 60);
    }

    @Test
    void missingLibraryReportsTheLoadersReasonAndWhatToInstall() {
        Path missing = Path.of("/nonexistent/libmpi.so.40");
        Mpiexec.Result r = runWithLibrary(missing.toString());
        assertNotEquals(0, r.exitCode(), r.output());
        // dlerror's own text, read before anything else can clear it
        assertTrue(r.output().contains("MpiLibraryError: Open MPI's " + missing + " could not be loaded ("
                + missing + ": cannot open shared object file: No such file or directory)"), r.output());
        assertTrue(r.output().contains("Check -Dmpi4j.libmpi, or install Open MPI 4.x: "
                + "apt-get install openmpi-bin libopenmpi-dev"), r.output());
        assertFalse(r.output().contains("unknown reason"), r.output());
        assertFalse(r.output().contains("SIGSEGV"), r.output());
    }

    @Test
    void aLibraryThatIsNotMpiIsRefusedInsteadOfLoadingTheSystemOne() {
        // a shared library every JDK has, which is certainly not libmpi
        Path notMpi = Path.of(System.getProperty("java.home"), "lib", "libnet.so");
        Mpiexec.Result r = runWithLibrary(notMpi.toString());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("MpiLibraryError: " + notMpi + " (from -Dmpi4j.libmpi) is not Open MPI's "
                + "libmpi: it has no MPI_Init. mpi4j needs Open MPI 4.x's libmpi.so.40"), r.output());
        assertFalse(r.output().contains("I am process"), r.output());
    }

    @Test
    void theSystemLibraryNamedByPathWorks() {
        Mpiexec.Result r = runWithLibrary("/usr/lib/x86_64-linux-gnu/libmpi.so.40");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(1, r.count("I am process 0 of 1 on "), r.output());
    }

    @Test
    void handlesTheGarbageCollectorFindsUnfreedAreNamedOnce() {
        Mpiexec.Result r = Mpiexec.run(2, 60, Mpiexec.java(LeakedHandles.class.getName()));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(2, r.count("done"), r.output());
        // per rank: one dropped communicator, group and info; none of the freed ones
        assertEquals(2, r.count("mpi4j: warning: an MPI communicator (handle 0x"), r.output());
        assertEquals(2, r.count("mpi4j: warning: an MPI group (handle 0x"), r.output());
        assertEquals(2, r.count("mpi4j: warning: an MPI info (handle 0x"), r.output());
        assertEquals(6, r.count("was garbage-collected without being freed"), r.output());
    }
}
