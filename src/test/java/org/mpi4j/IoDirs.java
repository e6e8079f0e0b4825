package org.mpi4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.mpi4j.testing.Mpiexec;

/**
 * Temporary directories for the I/O tests under the build directory, the same on every rank, and
 * the tests' common data and consistency step.
 */
final class IoDirs {
    private IoDirs() {
    }

    /** Rank 0 creates a fresh directory under target/io-tests and tells the others its name (collective). */
    static Path create(Intracomm comm, String prefix) {
        byte[] name = new byte[1024];
        if (comm.rank() == 0) {
            try {
                Path root = Files.createDirectories(Mpiexec.buildDir().resolve("io-tests"));
                byte[] p = Files.createTempDirectory(root, prefix).toAbsolutePath().toString()
                        .getBytes(StandardCharsets.UTF_8);
                System.arraycopy(p, 0, name, 0, p.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        comm.bcast(name, 0);
        int n = 0;
        while (name[n] != 0) {
            n++;
        }
        return Path.of(new String(name, 0, n, StandardCharsets.UTF_8));
    }

    /** Waits for every rank, then rank 0 deletes {@code dir} and what it holds (collective). */
    static void remove(Intracomm comm, Path dir) {
        comm.barrier();
        if (comm.rank() == 0) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Rank {@code r}'s block of {@code n} ints: {@code r * 1_000_000 + i}. */
    static int[] block(int r, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r * 1_000_000 + i;
        }
        return a;
    }

    /** MPI's consistency rule for data written by other processes: sync, barrier, sync. */
    static void syncAll(Intracomm comm, File f) {
        f.sync();
        comm.barrier();
        f.sync();
    }
}
