package org.mpi4j.testing.programs;

import java.lang.foreign.MemorySegment;
import org.mpi4j.Datatype;
import org.mpi4j.MPI;
import org.mpi4j.Request;

/**
 * One bad-input case that used to crash or hang the process, run in its own mpiexec: prints what
 * it was refused with, then proves the process still communicates.
 */
public final class BadInputCase {
    private BadInputCase() {
    }

    public static void main(String[] args) {
        var w = MPI.COMM_WORLD;
        int rank = w.rank();
        int size = w.size();
        int next = (rank + 1) % size;
        int prev = (rank + size - 1) % size;
        String name = args[0];
        Request pending = null;
        try {
            switch (name) {
                case "cancel-unstarted-persistent" -> {
                    try (Request r = w.recvInit(new int[4], prev, 1)) {
                        r.cancel();
                    }
                }
                case "extent-long-max" -> {
                    try (Datatype t = Datatype.INT.resized(0, Long.MAX_VALUE).commit()) {
                        w.bcast(MemorySegment.ofArray(new int[4]), 2, t, 0);
                    }
                }
                case "truncate-into-small-array" -> {
                    pending = w.isend(MemorySegment.ofArray(new byte[64 * 1024]), next, 2);
                    w.recv(new byte[2048], prev, 2, null);
                }
                case "sendrecv-arrays-truncated" -> w.sendrecv(new double[8192], next, 3, new double[8], prev, 3, null);
                case "irecv-array-truncated" -> {
                    pending = w.isend(MemorySegment.ofArray(new byte[64 * 1024]), next, 4);
                    try (Request r = w.irecv(new byte[2048], prev, 4)) {
                        r.waitFor();
                    }
                }
                case "irecv-heap-slice-truncated" -> {
                    byte[] message = new byte[8192];
                    java.util.Arrays.fill(message, (byte) 7);
                    pending = w.isend(MemorySegment.ofArray(message), next, 5);
                    byte[] whole = new byte[4096];
                    try (Request r = w.irecv(MemorySegment.ofArray(whole).asSlice(1024, 2048), prev, 5)) {
                        r.waitFor();
                    } finally {
                        for (int i = 3072; i < whole.length; i++) {
                            if (whole[i] != 0) {
                                throw new AssertionError("byte " + i + " past the slice was written");
                            }
                        }
                    }
                }
                case "recvinit-array-truncated" -> {
                    pending = w.isend(MemorySegment.ofArray(new int[16 * 1024]), next, 6);
                    try (Request r = w.recvInit(new int[512], prev, 6)) {
                        r.start();
                        r.waitFor();
                    }
                }
                case "mrecv-array-truncated" -> {
                    pending = w.isend(MemorySegment.ofArray(new long[4096]), next, 7);
                    w.mprobe(prev, 7, null).mrecv(new long[16], null);
                }
                case "sendrecvreplace-array-truncated" -> {
                    // the 64 KiB message is matched first; the 64-byte one is taken below
                    pending = w.isend(MemorySegment.ofArray(new double[8192]), next, 8);
                    try {
                        w.sendrecvReplace(new double[8], next, 8, prev, 8, null);
                    } finally {
                        w.recv(new double[8], prev, 8, null);
                    }
                }
                case "waitall-self-truncated" -> {
                    var self = MPI.COMM_SELF;
                    Request r = self.irecv(new byte[2048], 0, 10);
                    Request s = self.isend(MemorySegment.ofArray(new byte[8192]), 0, 10);
                    Request.waitAll(r, s);
                }
                default -> throw new IllegalArgumentException("no case " + name);
            }
            System.out.println("rank " + rank + ": " + name + " NOT refused");
        } catch (RuntimeException e) {
            System.out.println("rank " + rank + ": " + name + " refused: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
        if (pending != null) {
            pending.waitFor();
        }
        int[] got = new int[1];
        w.sendrecv(new int[] {rank}, next, 9, got, prev, 9, null);
        System.out.println("rank " + rank + ": healthy " + (got[0] == prev));
    }
}
