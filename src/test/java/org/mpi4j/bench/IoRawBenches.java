package org.mpi4j.bench;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.mpi4j.AccessMode;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/**
 * {@link IoBenches} with {@code MPI_File_write_at_all}/{@code MPI_File_read_at_all} called directly
 * through the generated bindings (impl {@code ffm-raw}): the floor under mpi4j's I/O rows.
 */
final class IoRawBenches {
    private final Intracomm comm;
    private final String impl;
    private final MemorySegment buf;

    /** {@code buf}: the 4 MiB the ranks write and read (native memory, or a heap segment). */
    IoRawBenches(Intracomm comm, String impl, MemorySegment buf) {
        this.comm = comm;
        this.impl = impl;
        this.buf = buf;
    }

    void run(Results out, double scale) {
        // every rank must name the same file: rank 0's pid
        int[] pid = {(int) ProcessHandle.current().pid()};
        comm.bcast(pid, 0);
        String dir = System.getenv("BENCH_IODIR");
        Path path = Path.of(dir == null || dir.isEmpty() ? "/tmp" : dir, "pingpong-" + impl + "-" + pid[0] + ".dat");
        try (org.mpi4j.File fh = org.mpi4j.File.open(comm, path, AccessMode.CREATE, AccessMode.RDWR,
                AccessMode.DELETE_ON_CLOSE)) {
            out.add(impl, "io_write_all", buf.byteSize(), out.time(p -> ioAll(fh, true, p), Plan.io(scale),
                    Plan.warmIo(), scale), "MB/s");
            fh.sync();
            out.add(impl, "io_read_all", buf.byteSize(), out.time(p -> ioAll(fh, false, p), Plan.io(scale),
                    Plan.warmIo(), scale), "MB/s");
        }
    }

    /** pingpong.c's {@code io_all}: aggregate MB/s (1 MB = 1e6 B) of write_at_all or read_at_all. */
    double ioAll(org.mpi4j.File fh, boolean write, Plan plan) {
        Intracomm c = comm;
        MemorySegment h = fh.toHandle();
        MemorySegment BYTE = Datatype.BYTE.toHandle();
        MemorySegment b = buf;
        long size = b.byteSize();
        long off = c.rank() * size;
        int n = plan.warm() + plan.iters();
        int warm = plan.warm();
        double t0 = 0;
        c.barrier();
        for (int i = 0; i < n; i++) {
            if (i == warm) {
                c.barrier();
                t0 = MPI.wtime();
            }
            if (write) {
                org.mpi4j.ffi.mpi_h.MPI_File_write_at_all(h, off, b, (int) size, BYTE, org.mpi4j.ffi.mpi_h.MPI_STATUS_IGNORE());
            } else {
                org.mpi4j.ffi.mpi_h.MPI_File_read_at_all(h, off, b, (int) size, BYTE, org.mpi4j.ffi.mpi_h.MPI_STATUS_IGNORE());
            }
        }
        c.barrier();
        double t1 = MPI.wtime();
        return (double) size * c.size() * plan.iters() / (t1 - t0) / 1e6;
    }
}
