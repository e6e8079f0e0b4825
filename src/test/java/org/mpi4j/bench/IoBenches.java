package org.mpi4j.bench;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.mpi4j.AccessMode;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.ffi.mpi_h;

/**
 * pingpong.c's parallel I/O benches for one kind of buffer: {@code io_write_all} and
 * {@code io_read_all}, {@code MPI_File_write_at_all} / {@code MPI_File_read_at_all} of 4 MiB per
 * rank at offset rank * 4 MiB, in one file under {@code $BENCH_IODIR} (default /tmp) opened once
 * (create, read-write, delete on close), synced between the two; aggregate MB/s of all ranks.
 * With {@code raw} ({@code bench floor}) the calls go through the generated bindings alone.
 */
final class IoBenches {
    private final Intracomm comm;
    private final String impl;
    private final MemorySegment buf;

    private final boolean raw;

    /** {@code buf}: the 4 MiB the ranks write and read (native memory, or a heap segment). */
    IoBenches(Intracomm comm, String impl, MemorySegment buf) {
        this(comm, impl, buf, false);
    }

    /** {@code raw}: {@code MPI_File_write_at_all}/{@code read_at_all} called through the bindings alone. */
    IoBenches(Intracomm comm, String impl, MemorySegment buf, boolean raw) {
        this.raw = raw;
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
        MemorySegment bytes = Datatype.BYTE.toHandle();
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
            if (raw) {
                if (write) {
                    mpi_h.MPI_File_write_at_all(h, off, b, (int) size, bytes, mpi_h.MPI_STATUS_IGNORE());
                } else {
                    mpi_h.MPI_File_read_at_all(h, off, b, (int) size, bytes, mpi_h.MPI_STATUS_IGNORE());
                }
            } else if (write) {
                fh.writeAtAll(off, b, size, Datatype.BYTE);
            } else {
                fh.readAtAll(off, b, size, Datatype.BYTE);
            }
        }
        c.barrier();
        double t1 = MPI.wtime();
        return (double) size * c.size() * plan.iters() / (t1 - t0) / 1e6;
    }
}
