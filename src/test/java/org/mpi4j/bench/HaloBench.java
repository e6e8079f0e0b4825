package org.mpi4j.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpi4j.Cartcomm;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;

/**
 * The {@code halo} subcommand: the halo exchange of examples/Heat2D.java (a periodic 2-D grid of
 * processes, one edge of {@code side} doubles to each of the four neighbours) timed two ways on
 * the same native segments: one {@code neighborAlltoall}, and the four {@code sendrecv} calls a
 * stencil code writes without neighbourhood collectives (per dimension: send to -1 and receive
 * from +1, then the other way round). Both must fill the receive blocks identically.
 */
final class HaloBench {
    /** Edge lengths (doubles per block) measured. */
    static final int[] SIDES = {8, 128, 1024, 16384};

    private final Cartcomm grid;
    private final Arena arena;
    private final double scale;

    HaloBench(Intracomm comm, Arena arena, double scale) {
        this.grid = comm.createCart(Cartcomm.dimsCreate(comm.size(), 2), new boolean[] {true, true}, false);
        this.arena = arena;
        this.scale = scale;
    }

    /** Runs every size (warm-up pass, then timed pass) and returns rank 0's lines. */
    List<String> run(boolean warmup) {
        List<String> lines = new ArrayList<>();
        int[] dims = grid.dims();
        lines.add(String.format(Locale.ROOT, "# mpi4j halo on %d ranks (%d x %d periodic grid), scale %s: us per"
                + " exchange of 4 edges", grid.size(), dims[0], dims[1], scale));
        lines.add(String.format(Locale.ROOT, "%-10s %12s %18s %12s", "side", "bytes/edge", "neighborAlltoall",
                "sendrecv"));
        for (int side : SIDES) {
            MemorySegment send = arena.allocate(ValueLayout.JAVA_DOUBLE, 4L * side);
            MemorySegment a = arena.allocate(ValueLayout.JAVA_DOUBLE, 4L * side);
            MemorySegment b = arena.allocate(ValueLayout.JAVA_DOUBLE, 4L * side);
            for (long i = 0; i < 4L * side; i++) {
                send.setAtIndex(ValueLayout.JAVA_DOUBLE, i, grid.rank() * 1e6 + i);
            }
            int iters = Plan.scaled(side >= 16384 ? 2000 : 20000, scale);
            if (warmup) {
                collective(send, a, side, iters / 2);
                pointToPoint(send, b, side, iters / 2);
            }
            double tc = collective(send, a, side, iters);
            double tp = pointToPoint(send, b, side, iters);
            if (!a.asByteBuffer().equals(b.asByteBuffer())) {
                System.err.println("bench halo: rank " + grid.rank() + ": the two exchanges differ (looks wrong)");
            }
            double[] mine = {tc, tp};
            double[] max = new double[2];
            grid.allreduce(mine, max, org.mpi4j.Op.MAX);
            lines.add(String.format(Locale.ROOT, "%-10d %12d %18.3f %12.3f", side, 8L * side, max[0], max[1]));
        }
        boolean root = grid.rank() == 0;
        grid.free();
        return root ? lines : List.of();
    }

    /** Microseconds per neighborAlltoall of four blocks of {@code side} doubles. */
    private double collective(MemorySegment send, MemorySegment recv, int side, int iters) {
        grid.barrier();
        double t0 = MPI.wtime();
        for (int i = 0; i < iters; i++) {
            grid.neighborAlltoall(send, side, Datatype.DOUBLE, recv, side, Datatype.DOUBLE);
        }
        return (MPI.wtime() - t0) / iters * 1e6;
    }

    /** Microseconds per exchange written as four sendrecv calls. */
    private double pointToPoint(MemorySegment send, MemorySegment recv, int side, int iters) {
        long block = 8L * side;
        MemorySegment[] s = new MemorySegment[4];
        MemorySegment[] r = new MemorySegment[4];
        for (int k = 0; k < 4; k++) {
            s[k] = send.asSlice(k * block, block);
            r[k] = recv.asSlice(k * block, block);
        }
        Cartcomm.Shift[] shifts = {grid.shift(0, 1), grid.shift(1, 1)};
        grid.barrier();
        double t0 = MPI.wtime();
        for (int i = 0; i < iters; i++) {
            for (int d = 0; d < 2; d++) {
                Cartcomm.Shift sh = shifts[d];
                grid.sendrecv(s[2 * d], side, Datatype.DOUBLE, sh.source(), 10 + 2 * d, r[2 * d + 1], side,
                        Datatype.DOUBLE, sh.dest(), 10 + 2 * d, null);
                grid.sendrecv(s[2 * d + 1], side, Datatype.DOUBLE, sh.dest(), 11 + 2 * d, r[2 * d], side,
                        Datatype.DOUBLE, sh.source(), 11 + 2 * d, null);
            }
        }
        return (MPI.wtime() - t0) / iters * 1e6;
    }
}
