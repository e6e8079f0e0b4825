package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;

/**
 * Runs the MPI-IO examples of examples/ under mpiexec: the mpi4py tutorial's two programs, and a
 * checkpoint written by one number of ranks and read back by others.
 */
class IoExamplesTest {
    private Path dir;

    @BeforeEach
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory(Files.createDirectories(Mpiexec.buildDir().resolve("io-tests")), "examples");
    }

    @AfterEach
    void removeDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void contiguousCollectiveWritesLandAtRankOffsets() {
        Mpiexec.Result r = ExamplesTest.runExample(2, "IoContiguous.java", dir.toString());
        assertEquals(1, r.count("contiguous: 2 ranks wrote 80 bytes, read back: ok"), r.output());
    }

    @Test
    void aVectorFileViewInterleavesTheRanks() {
        Mpiexec.Result r = ExamplesTest.runExample(3, "IoVectorView.java", dir.toString());
        assertEquals(1, r.count("vector view: 3 ranks interleaved 10 ints each, read back: ok"), r.output());
    }

    @Test
    void aCheckpointWrittenByFourRanksRestartsOnThree() {
        // external32, the portable representation, as a checkpoint would be; "native" is tested in FileViewTest
        Mpiexec.Result w = ExamplesTest.runExample(4, "Checkpoint.java", "write", dir.toString(), "external32");
        assertEquals(1, w.count("checkpoint written by 4 ranks (external32): 13 x 10 doubles ok"), w.output());
        Mpiexec.Result r = ExamplesTest.runExample(3, "Checkpoint.java", "read", dir.toString(), "external32");
        assertEquals(1, r.count("restart checked on 3 ranks (external32): 13 x 10 doubles ok"), r.output());
    }
}
