package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.mpi4j.ffi.mpi_h;

/**
 * The collective debug mode ({@link MPI#setCollectiveChecks}, {@code -Dmpi4j.debug.collectives=true}):
 * before a rooted collective of an intracommunicator, every process checks its own arguments and
 * then all of them agree, with an extra {@code MPI_Allreduce} (and an {@code MPI_Bcast} of the
 * root's per-process sizes), that they call the same collective with the same root, that nobody's
 * arguments failed, and that each process sends or receives the amount the root expects. An error
 * only one process can see (the root's send buffer too small for a scatter) is then thrown on
 * every process, and nobody is left inside a collective the others never enter.
 *
 * <p>Off by default: it costs one or two small collectives per call. It must be on at every
 * process or at none, since its extra collectives must match.
 */
final class CollectiveChecks {
    private CollectiveChecks() {
    }

    private static volatile boolean enabled = Boolean.getBoolean("mpi4j.debug.collectives");

    /** The collectives checked, by the index the processes compare. */
    static final String[] CALLS = {"bcast", "gather", "gatherv", "scatter", "scatterv", "reduce"};
    static final int BCAST = 0;
    static final int GATHER = 1;
    static final int GATHERV = 2;
    static final int SCATTER = 3;
    static final int SCATTERV = 4;
    static final int REDUCE = 5;

    static void setEnabled(boolean on) {
        enabled = on;
    }

    static boolean enabled() {
        return enabled;
    }

    /** Whether a collective on {@code comm} is checked now. */
    static boolean on(Comm comm) {
        return enabled && !comm.isInter();
    }

    /**
     * Runs {@code local} (this process's argument checks) and agrees with the other processes on
     * the outcome; throws on every process if any failed or they disagree.
     *
     * @param perProcess at the root only, once its checks passed: the bytes of data the root sends
     *                   to or expects from each process (null: nothing to compare)
     * @param mine       the bytes this process receives or sends, -1 if it does not take part (in place)
     */
    static void verify(Comm comm, int call, int root, Runnable local, Supplier<long[]> perProcess, long mine) {
        RuntimeException error = null;
        try {
            local.run();
        } catch (RuntimeException e) {
            error = e;
        }
        int me = comm.rank();
        int p = comm.size();
        String name = CALLS[call];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocateFrom(ValueLayout.JAVA_LONG, call, -call, root, -(long) root,
                    error != null ? me : -1);
            allreduceMax(comm, v, 5);
            long callMax = v.getAtIndex(ValueLayout.JAVA_LONG, 0);
            long callMin = -v.getAtIndex(ValueLayout.JAVA_LONG, 1);
            if (callMax != callMin) {
                throw new IllegalStateException(name + ": the processes call different collectives (" + CALLS[(int) callMin]
                        + " and " + CALLS[(int) callMax] + ") [collective checks]");
            }
            long rootMax = v.getAtIndex(ValueLayout.JAVA_LONG, 2);
            long rootMin = -v.getAtIndex(ValueLayout.JAVA_LONG, 3);
            if (rootMax != rootMin) {
                throw new IllegalArgumentException(name + ": the root differs between processes (from " + rootMin
                        + " to " + rootMax + "); this process gave " + root + " [collective checks]");
            }
            int failed = (int) v.getAtIndex(ValueLayout.JAVA_LONG, 4);
            if (failed >= 0) {
                String message = bcastText(comm, arena, failed == me ? String.valueOf(error) : null, failed);
                if (error != null) {
                    throw error;
                }
                throw new IllegalArgumentException(name + ": the arguments of process " + failed + " were refused: "
                        + message + " [collective checks]");
            }
            if (perProcess == null) {
                return;
            }
            MemorySegment sizes = arena.allocate(ValueLayout.JAVA_LONG, p);
            if (me == root) {
                MemorySegment.copy(perProcess.get(), 0, sizes, ValueLayout.JAVA_LONG, 0, p);
            }
            Errors.check(mpi_h.MPI_Bcast(sizes, p, Datatype.INT64_T.handle(), root, comm.handle()), "MPI_Bcast");
            long expected = sizes.getAtIndex(ValueLayout.JAVA_LONG, me);
            boolean differs = mine >= 0 && expected != mine;
            MemorySegment bad = arena.allocateFrom(ValueLayout.JAVA_LONG, differs ? me : -1);
            allreduceMax(comm, bad, 1);
            int who = (int) bad.get(ValueLayout.JAVA_LONG, 0);
            if (who >= 0) {
                String side = call == GATHER || call == GATHERV || call == REDUCE ? "sends" : "receives";
                throw new IllegalArgumentException(name + ": process " + who + " " + side
                        + (differs ? " " + mine + " bytes" : " a different amount") + " where the root (" + root
                        + ") has " + sizes.getAtIndex(ValueLayout.JAVA_LONG, who) + " bytes for it [collective checks]");
            }
        }
    }

    private static void allreduceMax(Comm comm, MemorySegment values, int n) {
        Errors.check(mpi_h.MPI_Allreduce(mpi_h.MPI_IN_PLACE(), values, n, Datatype.INT64_T.handle(), Op.MAX.handle(),
                comm.handle()), "MPI_Allreduce");
    }

    /** {@code text} of process {@code from} on every process. */
    private static String bcastText(Comm comm, Arena arena, String text, int from) {
        byte[] bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        MemorySegment length = arena.allocateFrom(ValueLayout.JAVA_INT, bytes.length);
        Errors.check(mpi_h.MPI_Bcast(length, 1, Datatype.INT32_T.handle(), from, comm.handle()), "MPI_Bcast");
        int n = length.get(ValueLayout.JAVA_INT, 0);
        MemorySegment buf = arena.allocate(Math.max(1, n));
        if (text != null) {
            MemorySegment.copy(bytes, 0, buf, ValueLayout.JAVA_BYTE, 0, n);
        }
        Errors.check(mpi_h.MPI_Bcast(buf, n, Datatype.BYTE.handle(), from, comm.handle()), "MPI_Bcast");
        return new String(buf.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }

    /** {@code bytes} for each of {@code p} processes. */
    static long[] same(int p, long bytes) {
        long[] a = new long[p];
        java.util.Arrays.fill(a, bytes);
        return a;
    }

    /** {@code counts[i]} elements of {@code type} for each process. */
    static long[] each(int[] counts, Datatype type) {
        long[] a = new long[counts.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = P2pMessage.dataBytes(counts[i], type);
        }
        return a;
    }

    /** Throws if the blocks {@code counts} and {@code displs} place (elements of {@code extent} bytes) overlap. */
    static void checkNoOverlap(int[] counts, int[] displs, long extent, String what) {
        if (counts == null || displs == null) {
            return;
        }
        Integer[] order = new Integer[Math.min(counts.length, displs.length)];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(displs[a], displs[b]));
        for (int k = 1; k < order.length; k++) {
            int a = order[k - 1];
            int b = order[k];
            if (counts[a] > 0 && counts[b] > 0 && (long) displs[a] + counts[a] > displs[b]) {
                throw new IllegalArgumentException(what + ": the blocks of processes " + a + " and " + b
                        + " overlap (displacements " + displs[a] + " and " + displs[b] + ", count " + counts[a]
                        + " elements of " + extent + " bytes)");
            }
        }
    }
}
