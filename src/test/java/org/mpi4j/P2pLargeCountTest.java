package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/**
 * Counts above 2^31-1: one element of a contiguous derived datatype stands for them. Runs in one
 * process (over {@code COMM_SELF}); the shape of the type is checked by transfers with small
 * chunks, and its size for a count above 2^31-1.
 */
class P2pLargeCountTest {
    private final Intracomm self = MPI.COMM_SELF;

    private void roundTrip(long count, int chunk) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(count);
            MemorySegment in = arena.allocate(count + 8);
            for (long i = 0; i < count; i++) {
                out.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 7 + 1));
            }
            MemorySegment handle = Buffers.largeType(count, Datatype.BYTE.handle(), 1, chunk);
            Datatype big = new Datatype(handle, false, false).commit();
            try {
                assertEquals(count, big.size());
                Status st = new Status();
                self.sendrecv(out, 1, big, 0, 1, in, count + 8, Datatype.BYTE, 0, 1, st);
                assertEquals(count, st.getCount(Datatype.BYTE));
                for (long i = 0; i < count; i++) {
                    assertEquals((byte) (i * 7 + 1), in.get(ValueLayout.JAVA_BYTE, i), "byte " + i);
                }
                assertEquals(0, in.get(ValueLayout.JAVA_BYTE, count), "nothing beyond the count");
            } finally {
                big.free();
            }
        }
    }

    @Test
    void aLargeCountBecomesChunksAndARemainder() {
        roundTrip(10, 3);
        roundTrip(12, 4);
        roundTrip(5, 7);
    }

    @Test
    void aCountAboveIntMaxIsOneElementOfTheWholeSize() {
        long count = (1L << 31) + 5;
        MemorySegment t = Buffers.mpiType(count, Datatype.DOUBLE);
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(1, Buffers.mpiCount(count));
            MemorySegment size = arena.allocate(ValueLayout.JAVA_LONG);
            Errors.check(org.mpi4j.ffi.mpi_h.MPI_Type_size_x(t, size), "MPI_Type_size_x");
            assertEquals(8 * count, size.get(ValueLayout.JAVA_LONG, 0));
        } finally {
            Buffers.releaseType(t, Datatype.DOUBLE);
        }
        // small counts pass the type itself
        assertEquals(Datatype.DOUBLE.handle(), Buffers.mpiType(10, Datatype.DOUBLE));
        assertEquals(10, Buffers.mpiCount(10));
    }

    @Test
    void moreThanIntMaxBytesTravelInOneMessage() {
        long count = (1L << 31) + 5;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(count);
            MemorySegment in = arena.allocate(count);
            long[] probes = {0, 1, 1L << 30, Integer.MAX_VALUE, count - 1};
            for (long p : probes) {
                out.set(ValueLayout.JAVA_BYTE, p, (byte) (p % 120 + 3));
            }
            Request r = self.irecv(in, count, Datatype.BYTE, 0, 2);
            self.send(out, count, Datatype.BYTE, 0, 2);
            Status st = new Status();
            r.waitFor(st);
            assertEquals(count, st.byteCount());
            assertEquals(count, st.getCount(Datatype.BYTE));
            for (long p : probes) {
                assertEquals((byte) (p % 120 + 3), in.get(ValueLayout.JAVA_BYTE, p), "byte " + p);
            }
        }
    }
}
