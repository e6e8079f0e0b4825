package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Derived datatypes, each checked by sending data through it and comparing element by element. */
@MpiTest
class DatatypeTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;

    /** A row-major 4x4 int matrix whose entries encode the owner: owner*1000 + row*10 + col. */
    private static int[] matrix(int owner) {
        int[] m = new int[16];
        for (int i = 0; i < 16; i++) {
            m[i] = owner * 1000 + (i / 4) * 10 + i % 4;
        }
        return m;
    }

    /** Sends one element of {@code type} from {@code src} to the next rank and receives {@code n} ints. */
    private int[] throughType(Datatype type, int[] src, int n) {
        int[] in = new int[n];
        world.sendrecv(MemorySegment.ofArray(src), 1, type, next, 5, MemorySegment.ofArray(in), n, Datatype.INT32_T,
                prev, 5, null);
        return in;
    }

    @Test
    void contiguousSendsConsecutiveElements() {
        try (Datatype t = Datatype.INT32_T.contiguous(3).commit()) {
            assertEquals(12, t.size());
            assertEquals(12, t.extent());
            int[] in = throughType(t, new int[] {rank, rank + 1, rank + 2, 99}, 3);
            assertArrayEquals(new int[] {prev, prev + 1, prev + 2}, in);
        }
    }

    @Test
    void vectorPicksAColumn() {
        try (Datatype column = Datatype.INT32_T.vector(4, 1, 4).commit()) {
            assertEquals(16, column.size());
            assertEquals(52, column.extent());
            assertEquals(52, column.trueExtent());
            assertEquals(0, column.lowerBound());
            int[] m = matrix(rank);
            int[] in = new int[4];
            world.sendrecv(MemorySegment.ofArray(m).asSlice(4 * 2), 1, column, next, 1, MemorySegment.ofArray(in), 4,
                    Datatype.INT32_T, prev, 1, null);
            for (int row = 0; row < 4; row++) {
                assertEquals(prev * 1000 + row * 10 + 2, in[row]);
            }
        }
    }

    @Test
    void hvectorStridesInBytes() {
        try (Datatype t = Datatype.INT32_T.hvector(2, 2, 16).commit()) {
            int[] in = throughType(t, matrix(rank), 4);
            int b = prev * 1000;
            assertArrayEquals(new int[] {b, b + 1, b + 10, b + 11}, in);
        }
    }

    @Test
    void indexedAndHindexedPlaceBlocks() {
        try (Datatype t = Datatype.INT32_T.indexed(new int[] {2, 1}, new int[] {0, 5}).commit();
                Datatype h = Datatype.INT32_T.hindexed(new int[] {1, 2}, new long[] {4, 40}).commit()) {
            int b = prev * 1000;
            assertArrayEquals(new int[] {b, b + 1, b + 11}, throughType(t, matrix(rank), 3));
            assertArrayEquals(new int[] {b + 1, b + 22, b + 23}, throughType(h, matrix(rank), 3));
        }
    }

    @Test
    void indexedBlockAndHindexedBlockPlaceEqualBlocks() {
        try (Datatype t = Datatype.INT32_T.indexedBlock(2, new int[] {14, 0}).commit();
                Datatype h = Datatype.INT32_T.hindexedBlock(1, new long[] {60, 20, 0}).commit()) {
            int b = prev * 1000;
            assertArrayEquals(new int[] {b + 32, b + 33, b, b + 1}, throughType(t, matrix(rank), 4));
            assertArrayEquals(new int[] {b + 33, b + 11, b}, throughType(h, matrix(rank), 3));
        }
    }

    @Test
    void structCarriesMixedFields() {
        // struct { int id; double value; } with C layout (value at offset 8, extent 16)
        try (Datatype t = Datatype.struct(new int[] {1, 1}, new long[] {0, 8},
                new Datatype[] {Datatype.INT, Datatype.DOUBLE}).commit(); Arena arena = Arena.ofConfined()) {
            assertEquals(12, t.size());
            assertEquals(16, t.extent());
            MemorySegment out = arena.allocate(16 * 3, 8);
            MemorySegment in = arena.allocate(16 * 3, 8);
            for (int i = 0; i < 3; i++) {
                out.set(ValueLayout.JAVA_INT, 16L * i, rank * 10 + i);
                out.set(ValueLayout.JAVA_DOUBLE, 16L * i + 8, rank + i / 2.0);
            }
            world.sendrecv(out, 3, t, next, 2, in, 3, t, prev, 2, null);
            for (int i = 0; i < 3; i++) {
                assertEquals(prev * 10 + i, in.get(ValueLayout.JAVA_INT, 16L * i));
                assertEquals(prev + i / 2.0, in.get(ValueLayout.JAVA_DOUBLE, 16L * i + 8));
            }
        }
    }

    @Test
    void subarrayCutsABlockOutOfAMatrix() {
        try (Datatype t = Datatype.INT32_T.subarray(new int[] {4, 4}, new int[] {2, 3}, new int[] {1, 1},
                Datatype.Order.C).commit()) {
            int b = prev * 1000;
            assertArrayEquals(new int[] {b + 11, b + 12, b + 13, b + 21, b + 22, b + 23},
                    throughType(t, matrix(rank), 6));
        }
        try (Datatype f = Datatype.INT32_T.subarray(new int[] {4, 4}, new int[] {2, 1}, new int[] {0, 3},
                Datatype.Order.FORTRAN).commit()) {
            // column-major: dimension 0 varies fastest; element (i, j) is at j*4 + i
            int b = prev * 1000;
            assertArrayEquals(new int[] {b + 30, b + 31}, throughType(f, matrix(rank), 2));
        }
    }

    @Test
    void darrayGivesEachRankItsBlock() {
        int[] global = new int[2 * size];
        for (int i = 0; i < global.length; i++) {
            global[i] = i * 3;
        }
        try (Datatype t = Datatype.INT32_T.darray(size, rank, new int[] {2 * size},
                new Datatype.Distribution[] {Datatype.Distribution.BLOCK}, new int[] {Datatype.DISTRIBUTE_DFLT_DARG},
                new int[] {size}, Datatype.Order.C).commit()) {
            assertEquals(8, t.size());
            int[] mine = new int[2];
            world.sendrecv(MemorySegment.ofArray(global), 1, t, rank, 4, MemorySegment.ofArray(mine), 2,
                    Datatype.INT32_T, rank, 4, null);
            assertArrayEquals(new int[] {6 * rank, 6 * rank + 3}, mine);
        }
    }

    @Test
    void resizedChangesTheStrideBetweenElements() {
        try (Datatype t = Datatype.INT32_T.resized(0, 8).commit()) {
            assertEquals(4, t.size());
            assertEquals(8, t.extent());
            assertEquals(4, t.trueExtent());
            int[] src = {rank, -1, rank + 1, -1, rank + 2};
            int[] in = new int[3];
            world.sendrecv(MemorySegment.ofArray(src), 3, t, next, 6, MemorySegment.ofArray(in), 3, Datatype.INT32_T,
                    prev, 6, null);
            assertArrayEquals(new int[] {prev, prev + 1, prev + 2}, in);
            // three elements span 2*8 + 4 bytes, not 3*8
            world.sendrecv(MemorySegment.ofArray(new int[5]), 3, t, rank, 7, MemorySegment.ofArray(new int[3]), 3,
                    Datatype.INT32_T, rank, 7, null);
            assertThrows(IllegalArgumentException.class, () -> world.sendrecv(MemorySegment.ofArray(new int[4]), 3, t,
                    rank, 7, MemorySegment.ofArray(new int[3]), 3, Datatype.INT32_T, rank, 7, null));
        }
    }

    @Test
    void derivedTypesWorkInCollectives() {
        try (Datatype column = Datatype.INT32_T.vector(4, 1, 4).resized(0, 4).commit()) {
            // every rank contributes column r%4 of its matrix; gathered as plain ints
            int[] m = matrix(rank);
            int[] all = new int[4 * size];
            world.allgather(MemorySegment.ofArray(m).asSlice(4L * (rank % 4)), 1, column, MemorySegment.ofArray(all),
                    4, Datatype.INT32_T);
            for (int r = 0; r < size; r++) {
                for (int row = 0; row < 4; row++) {
                    assertEquals(r * 1000 + row * 10 + r % 4, all[4 * r + row]);
                }
            }
        }
    }

    @Test
    void dupEnvelopeAndContentsDescribeTheConstructor() {
        try (Datatype v = Datatype.INT.vector(4, 1, 4); Datatype d = v.dup()) {
            Datatype.Envelope e = v.envelope();
            assertEquals(Datatype.Combiner.VECTOR, e.combiner());
            assertEquals(3, e.numIntegers());
            assertEquals(1, e.numDatatypes());
            Datatype.Contents c = v.contents();
            assertArrayEquals(new int[] {4, 1, 4}, c.integers());
            assertSame(Datatype.INT, c.datatypes().get(0));
            assertEquals(Datatype.Combiner.DUP, d.envelope().combiner());
            assertEquals(v.size(), d.size());
            assertEquals(v.extent(), d.extent());
            assertEquals(Datatype.Combiner.NAMED, Datatype.DOUBLE.envelope().combiner());
            assertThrows(IllegalStateException.class, Datatype.DOUBLE::contents);
        }
        try (Datatype s = Datatype.struct(new int[] {1, 2}, new long[] {0, 8},
                new Datatype[] {Datatype.INT, Datatype.DOUBLE})) {
            Datatype.Contents c = s.contents();
            assertArrayEquals(new int[] {2, 1, 2}, c.integers());
            assertArrayEquals(new long[] {0, 8}, c.addresses());
            assertEquals(java.util.List.of(Datatype.INT, Datatype.DOUBLE), c.datatypes());
        }
    }

    @Test
    void namesCanBeSetAndRead() {
        try (Datatype t = Datatype.DOUBLE.contiguous(2)) {
            t.setName("pair");
            assertEquals("pair", t.getName());
        }
        assertEquals("MPI_DOUBLE", Datatype.DOUBLE.getName());
    }

    @Test
    void packAndUnpackRoundTripThroughAVector() {
        try (Datatype column = Datatype.INT32_T.vector(4, 1, 4).commit()) {
            long need = column.packSize(2, world);
            assertTrue(need >= 32);
            byte[] packed = new byte[(int) need];
            int[] m = matrix(rank);
            long pos = column.pack(MemorySegment.ofArray(m), 1, MemorySegment.ofArray(packed), 0, world);
            assertEquals(16, pos);
            pos = column.pack(MemorySegment.ofArray(m).asSlice(4), 1, MemorySegment.ofArray(packed), pos, world);
            assertEquals(32, pos);
            int[] back = new int[16];
            long upos = column.unpack(MemorySegment.ofArray(packed), 0, MemorySegment.ofArray(back), 1, world);
            upos = column.unpack(MemorySegment.ofArray(packed), upos, MemorySegment.ofArray(back).asSlice(4), 1, world);
            assertEquals(32, upos);
            for (int row = 0; row < 4; row++) {
                assertEquals(m[4 * row], back[4 * row]);
                assertEquals(m[4 * row + 1], back[4 * row + 1]);
                assertEquals(0, back[4 * row + 2]);
            }
        }
    }

    @Test
    void external32IsBigEndian() {
        assertEquals(8, Datatype.INT32_T.packExternalSize(2));
        byte[] out = new byte[8];
        long pos = Datatype.INT32_T.packExternal(MemorySegment.ofArray(new int[] {1, 0x01020304}), 2,
                MemorySegment.ofArray(out), 0);
        assertEquals(8, pos);
        assertArrayEquals(new byte[] {0, 0, 0, 1, 1, 2, 3, 4}, out);
        int[] back = new int[2];
        assertEquals(8, Datatype.INT32_T.unpackExternal(MemorySegment.ofArray(out), 0, MemorySegment.ofArray(back), 2));
        assertArrayEquals(new int[] {1, 0x01020304}, back);
    }

    @Test
    void lifecycleErrorsAreClear() {
        assertThrows(IllegalStateException.class, Datatype.INT::free);
        assertTrue(Datatype.INT.isCommitted());
        Datatype t = Datatype.INT.contiguous(2);
        assertFalse(t.isCommitted());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> world.send(MemorySegment.ofArray(new int[2]), 1, t, rank, 0));
        assertTrue(e.getMessage().contains("not committed"), e.getMessage());
        t.commit();
        t.free();
        t.free();
        assertTrue(t.isFreed());
        e = assertThrows(IllegalStateException.class, () -> world.bcast(MemorySegment.ofArray(new int[2]), 1, t, 0));
        assertTrue(e.getMessage().contains("freed"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Datatype.INT.vector(-1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Datatype.INT.indexed(new int[2], new int[1]));
        assertThrows(IllegalArgumentException.class, () -> Datatype.INT.subarray(new int[] {4}, new int[] {3},
                new int[] {2}, Datatype.Order.C));
        try (Datatype before = Datatype.INT.hindexed(new int[] {1}, new long[] {-4}).commit()) {
            assertThrows(IllegalArgumentException.class, () -> world.bcast(MemorySegment.ofArray(new int[4]), 1,
                    before, 0));
        }
    }
}
