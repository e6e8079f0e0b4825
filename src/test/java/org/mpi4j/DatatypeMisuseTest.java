package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mpi4j.testing.MpiTest;

/**
 * Datatypes at the extremes: byte spans that overflow 64 bits are refused with what overflowed
 * (they used to pass the buffer check by wrap-around and let MPI read wild addresses), bad
 * constructor arguments are named, and freed or read-only memory is refused.
 */
@MpiTest
class DatatypeMisuseTest {
    private final Intracomm world = MPI.COMM_WORLD;

    private static String refused(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void anExtentOfLongMaxValueDoesNotPassTheBufferCheck() {
        try (Datatype huge = Datatype.INT.resized(0, Long.MAX_VALUE).commit()) {
            MemorySegment buf = MemorySegment.ofArray(new int[16]);
            String m = refused(() -> world.bcast(buf, 2, huge, 0));
            assertTrue(m.contains("overflow"), m);
            MemorySegment out = MemorySegment.ofArray(new byte[1024]);
            assertTrue(refused(() -> huge.pack(buf, 2, out, 0, world)).contains("overflow"));
            assertEquals(4, huge.size(), "one element alone is fine");
        }
    }

    @Test
    void largeExtentsTimesLargeCountsOverflowWithAReason() {
        try (Datatype big = Datatype.BYTE.resized(0, 1L << 40).commit()) {
            String m = refused(() -> world.bcast(MemorySegment.ofArray(new byte[8]), 1 << 24, big, 0));
            assertTrue(m.contains("overflow") && m.contains("16777216"), m);
        }
        String m = refused(() -> world.bcast(MemorySegment.ofArray(new int[4]), Long.MAX_VALUE, Datatype.INT, 0));
        assertTrue(m.contains("overflow"), m);
    }

    @Test
    void constructorsRefuseByteOffsetsThatOverflow() {
        assertTrue(refused(() -> Datatype.INT.hvector(2, 1, Long.MAX_VALUE)).startsWith("hvector:"));
        assertTrue(refused(() -> Datatype.INT.hvector(3, 1, Long.MIN_VALUE)).startsWith("hvector:"));
        assertTrue(refused(() -> Datatype.DOUBLE.resized(0, 1L << 40).contiguous(1 << 24)).startsWith("contiguous:"));
        assertTrue(refused(() -> Datatype.INT.hindexed(new int[] {2}, new long[] {Long.MAX_VALUE - 4}))
                .startsWith("hindexed:"));
        assertTrue(refused(() -> Datatype.INT.hindexedBlock(2, new long[] {0, Long.MAX_VALUE - 4}))
                .startsWith("hindexedBlock:"));
        assertTrue(refused(() -> Datatype.struct(new int[] {1, 2}, new long[] {0, Long.MAX_VALUE - 4},
                new Datatype[] {Datatype.INT, Datatype.INT})).startsWith("struct:"));
        assertTrue(refused(() -> Datatype.INT.resized(Long.MAX_VALUE, 8)).startsWith("resized:"));
        try (Datatype wide = Datatype.BYTE.resized(0, 1L << 62)) {
            assertTrue(refused(() -> wide.vector(3, 1, 4)).startsWith("vector:"));
            assertTrue(refused(() -> wide.indexed(new int[] {1}, new int[] {8})).startsWith("indexed:"));
        }
    }

    @Test
    void subarrayAndDarrayNameTheirBadArgument() {
        assertTrue(refused(() -> Datatype.INT.subarray(new int[0], new int[0], new int[0], Datatype.Order.C))
                .contains("at least one dimension"));
        String m = refused(() -> Datatype.INT.darray(2, 0, new int[] {10}, new Datatype.Distribution[] {
            Datatype.Distribution.BLOCK}, new int[] {-3}, new int[] {2}, Datatype.Order.C));
        assertTrue(m.contains("distribution arguments[0]"), m);
        m = refused(() -> Datatype.INT.darray(2, 0, new int[] {10}, new Datatype.Distribution[] {
            Datatype.Distribution.BLOCK}, new int[] {2}, new int[] {2}, Datatype.Order.C));
        assertTrue(m.contains("darg * psize >= gsize"), m);
        m = refused(() -> Datatype.INT.darray(2, 0, new int[] {10}, new Datatype.Distribution[] {
            Datatype.Distribution.NONE}, new int[] {Datatype.DISTRIBUTE_DFLT_DARG}, new int[] {2}, Datatype.Order.C));
        assertTrue(m.contains("process grid sizes[0] must be 1"), m);
        m = refused(() -> Datatype.INT.darray(1, 0, new int[] {0}, new Datatype.Distribution[] {
            Datatype.Distribution.BLOCK}, new int[] {Datatype.DISTRIBUTE_DFLT_DARG}, new int[] {1}, Datatype.Order.C));
        assertTrue(m.contains("global sizes[0]"), m);
        try (Datatype ok = Datatype.INT.darray(2, 1, new int[] {10}, new Datatype.Distribution[] {
            Datatype.Distribution.BLOCK}, new int[] {5}, new int[] {2}, Datatype.Order.C).commit()) {
            assertEquals(20, ok.size());
        }
    }

    @Test
    void packAndUnpackRefuseReadOnlyMemory() {
        int[] data = {1, 2, 3, 4};
        MemorySegment in = MemorySegment.ofArray(data);
        MemorySegment ro = MemorySegment.ofArray(new byte[64]).asReadOnly();
        assertTrue(refused(() -> Datatype.INT.pack(in, 4, ro, 0, world)).contains("read-only"));
        assertTrue(refused(() -> Datatype.INT.unpack(MemorySegment.ofArray(new byte[64]), 0,
                MemorySegment.ofArray(new int[4]).asReadOnly(), 4, world)).contains("read-only"));
        assertTrue(refused(() -> Datatype.INT.packExternal(in, 4, ro, 0)).contains("read-only"));
    }

    @Test
    void commitOfAFreedTypeIsAnIllegalStateException() {
        Datatype t = Datatype.INT.contiguous(2).commit();
        t.free();
        assertThrows(IllegalStateException.class, t::commit);
        Datatype u = Datatype.INT.contiguous(2);
        u.free();
        assertThrows(IllegalStateException.class, u::commit);
    }

    @Test
    void packingFromAClosedArenaIsAnIllegalStateException() {
        MemorySegment seg;
        try (Arena arena = Arena.ofConfined()) {
            seg = arena.allocate(64);
        }
        MemorySegment closed = seg;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Datatype.INT.pack(closed, 4, MemorySegment.ofArray(new byte[64]), 0, world));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
}
