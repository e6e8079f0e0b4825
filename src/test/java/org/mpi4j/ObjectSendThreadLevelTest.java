package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;

/**
 * Below {@code MPI_THREAD_MULTIPLE} no second thread may call MPI, so {@code isendObject} copies
 * all its Java arrays into native memory at once, as before lazy sends: no pump thread, nothing
 * pending, and the data arrives whole. At {@code MPI_THREAD_MULTIPLE} the same send goes lazily and
 * the process still finalizes cleanly (the pump is stopped first). Each in its own mpiexec
 * ({@link Program}), since the thread level is chosen once per process.
 */
class ObjectSendThreadLevelTest {

    @Test
    void belowThreadMultipleLargeArraysAreCopiedAtOnceAndArriveWhole() {
        for (String level : new String[] {"FUNNELED", "SERIALIZED"}) {
            assertRing(level, false);
        }
    }

    @Test
    void atThreadMultipleLargeArraysGoLazilyAndTheProcessFinalizes() {
        assertRing("MULTIPLE", true);
    }

    private static void assertRing(String level, boolean lazy) {
        Mpiexec.Result r = Mpiexec.run(3, 60, Mpiexec.java(Program.class.getName(), level));
        assertFalse(r.timedOut(), "hung: " + r.output());
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(3, r.count("provided=" + level + " lazy=" + lazy + " data ok"), r.output());
        assertEquals(3, r.count("finalized"), r.output());
    }

    /** Each rank sends 2 MiB around a ring in 32 chunks of 64 KiB at the thread level args[0]. */
    static final class Program {
        private Program() {
        }

        public static void main(String[] args) {
            ThreadLevel provided = MPI.initThread(ThreadLevel.valueOf(args[0]));
            Intracomm world = MPI.COMM_WORLD;
            int rank = world.rank();
            int size = world.size();
            ObjectFrame.chunkLimit = 64 * 1024;
            long[] data = new long[256 * 1024];
            for (int i = 0; i < data.length; i++) {
                data[i] = (long) rank << 32 | i;
            }
            ObjectRequest<Void> sent = world.isendObject(data, (rank + 1) % size, 5);
            boolean lazy = LazySends.pending != 0
                    || Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("mpi4j-send-pump"));
            int prev = (rank + size - 1) % size;
            long[] got = world.recvObject(prev, 5);
            sent.waitFor();
            boolean ok = got.length == data.length;
            for (int i = 0; ok && i < got.length; i++) {
                ok = got[i] == ((long) prev << 32 | i);
            }
            System.out.println("rank " + rank + ": provided=" + provided + " lazy=" + lazy + " data "
                    + (ok ? "ok" : "WRONG"));
            MPI.finalizeMpi();
            System.out.println("rank " + rank + ": finalized");
        }
    }
}
