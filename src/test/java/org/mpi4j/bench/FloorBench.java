package org.mpi4j.bench;

import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.mpi4j.Intracomm;

/**
 * {@code bench floor}: the one-sided and I/O benches of pingpong.c twice in one process, through
 * mpi4j (impl {@code mpi4j}) and through the generated bindings alone (impl {@code ffm-raw}), as CSV
 * for {@code run_peers.sh} ({@code PEERS_EXTRA='floor=bin/mpi4j-bench floor --thread-level=single'}).
 * Says how much of a gap to C is the FFM downcalls' and how much mpi4j's.
 */
final class FloorBench {
    static final String IMPL = "ffm-raw";

    private FloorBench() {
    }

    static int run(Intracomm comm, Bench.Args a, PrintStream out) {
        if (comm.size() != 2) {
            if (comm.rank() == 0) {
                System.err.println("bench floor: needs exactly 2 ranks (got " + comm.size() + ")");
            }
            return 2;
        }
        double scale = a.scale();
        Results results = new Results(true, false);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Plan.MAX_SIZE);
            for (Results pass : new Results[] {new Results(false, false), results}) {
                new RmaBenches(comm, buf, arena, true).run(pass, scale);
                new RmaBenches(comm, buf, arena).run(pass, scale);
                new IoBenches(comm, IMPL, buf, true).run(pass, scale);
                new IoBenches(comm, SegmentBenches.IMPL, buf).run(pass, scale);
            }
        }
        if (comm.rank() == 0) {
            results.printCsv(out);
        }
        return 0;
    }
}
