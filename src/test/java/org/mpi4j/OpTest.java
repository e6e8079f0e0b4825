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

/** Predefined and user-defined reduction operations. */
@MpiTest
class OpTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();

    @Test
    void logicalAndBitwiseOpsCombineEveryRank() {
        int[] in = {rank == 0 ? 1 : 0, 1, rank % 2, 1 << rank, 0xFF, 1 << rank};
        int[] out = new int[1];
        world.allreduce(new int[] {in[0]}, out, Op.LAND);
        assertEquals(size == 1 ? 1 : 0, out[0]);
        world.allreduce(new int[] {in[0]}, out, Op.LOR);
        assertEquals(1, out[0]);
        world.allreduce(new int[] {in[2]}, out, Op.LXOR);
        assertEquals((size / 2) % 2, out[0]);
        world.allreduce(new int[] {in[3]}, out, Op.BOR);
        assertEquals((1 << size) - 1, out[0]);
        world.allreduce(new int[] {in[4] ^ (1 << rank)}, out, Op.BAND);
        assertEquals(0xFF & ~((1 << size) - 1), out[0]);
        world.allreduce(new int[] {in[5]}, out, Op.BXOR);
        assertEquals((1 << size) - 1, out[0]);
        world.allreduce(new int[] {rank + 3}, out, Op.MIN);
        assertEquals(3, out[0]);
    }

    @Test
    void sumsOfEightAndSixteenBitIntegersWrapAroundInsteadOfSaturating() {
        // Open MPI 4.1.4's vector code saturates these sums (200 + 200 = 255); MPI and C wrap them
        int n = 64; // long enough for the vector code
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment u8 = arena.allocate(n);
            u8.fill((byte) 200);
            MemorySegment u8Out = arena.allocate(n);
            world.allreduce(u8, u8Out, n, Datatype.UINT8_T, Op.SUM);
            world.allreduce(u8, u8Out.asSlice(0, n / 2), n / 2, Datatype.UNSIGNED_CHAR, Op.SUM);
            for (int i = 0; i < n; i++) {
                assertEquals((200 * size) & 0xFF, u8Out.get(ValueLayout.JAVA_BYTE, i) & 0xFF, "element " + i);
            }
            MemorySegment u16 = arena.allocate(ValueLayout.JAVA_SHORT, n);
            MemorySegment u16Out = arena.allocate(ValueLayout.JAVA_SHORT, n);
            for (int i = 0; i < n; i++) {
                u16.setAtIndex(ValueLayout.JAVA_SHORT, i, (short) 60000);
            }
            world.allreduce(u16, u16Out, n, Datatype.UINT16_T, Op.SUM);
            for (int i = 0; i < n; i++) {
                assertEquals((60000 * size) & 0xFFFF, u16Out.getAtIndex(ValueLayout.JAVA_SHORT, i) & 0xFFFF);
            }
            // char[] is unsigned 16-bit: its reductions go the same way
            char[] chars = new char[n];
            java.util.Arrays.fill(chars, (char) 60000);
            char[] charsOut = new char[n];
            world.allreduce(chars, charsOut, Op.SUM);
            assertEquals((60000 * size) & 0xFFFF, charsOut[n - 1]);
            // and a local reduction shows it at one process: 200 + 200 = 144 modulo 256
            MemorySegment inout = arena.allocate(n);
            inout.fill((byte) 200);
            Op.SUM.reduceLocal(u8, inout, n, Datatype.UINT8_T);
            assertEquals(144, inout.get(ValueLayout.JAVA_BYTE, n - 1) & 0xFF);
            // the signed types too: 100 + 100 = -56 modulo 256, 30000 + 30000 = -5536 modulo 65536
            byte[] b = new byte[n];
            java.util.Arrays.fill(b, (byte) 100);
            byte[] bOut = new byte[n];
            world.allreduce(b, bOut, Op.SUM);
            assertEquals((byte) (100 * size), bOut[n - 1]);
            short[] sh = new short[n];
            java.util.Arrays.fill(sh, (short) 30000);
            short[] shOut = new short[n];
            world.allreduce(sh, shOut, Op.SUM);
            assertEquals((short) (30000 * size), shOut[n - 1]);
        }
    }

    @Test
    void maxlocAndMinlocFindValueAndRank() {
        try (Arena arena = Arena.ofConfined()) {
            // MPI_DOUBLE_INT: struct { double value; int index; }, extent 16
            assertEquals(16, Datatype.DOUBLE_INT.extent());
            MemorySegment in = arena.allocate(16, 8);
            MemorySegment out = arena.allocate(16, 8);
            double value = (rank * 5) % size == 0 ? 1.0 : (rank * 5) % size;
            in.set(ValueLayout.JAVA_DOUBLE, 0, rank == size / 2 ? 100.0 : value);
            in.set(ValueLayout.JAVA_INT, 8, rank);
            world.allreduce(in, out, 1, Datatype.DOUBLE_INT, Op.MAXLOC);
            assertEquals(100.0, out.get(ValueLayout.JAVA_DOUBLE, 0));
            assertEquals(size / 2, out.get(ValueLayout.JAVA_INT, 8));
        }
        // MPI_2INT from an int[]: pairs (value, index); ties go to the lower index
        int[] pairs = {10 - rank, rank, 7, rank};
        int[] min = new int[4];
        world.allreduce(MemorySegment.ofArray(pairs), MemorySegment.ofArray(min), 2, Datatype.INT_INT, Op.MINLOC);
        assertArrayEquals(new int[] {10 - (size - 1), size - 1, 7, 0}, min);
        long[] lv = new long[2];
        world.allreduce(MemorySegment.ofArray(new long[] {rank, rank}), MemorySegment.ofArray(lv), 1,
                Datatype.LONG_INT, Op.MAXLOC);
        assertEquals(size - 1, lv[0]);
        assertEquals(size - 1, (int) lv[1]);
    }

    @Test
    void reduceLocalAppliesAnOpWithoutCommunication() {
        double[] inout = {1, 2, 3};
        Op.PROD.reduceLocal(MemorySegment.ofArray(new double[] {2, 2, 2}), MemorySegment.ofArray(inout));
        assertArrayEquals(new double[] {2, 4, 6}, inout);
        assertTrue(Op.SUM.isCommutative());
        assertTrue(Op.SUM.isPredefined());
        assertThrows(IllegalStateException.class, Op.SUM::free);
    }

    @Test
    void userDefinedOpOnDoublesMatchesSum() {
        try (Op plus = Op.ofDoubles(Double::sum, true)) {
            assertTrue(plus.isUserDefined());
            assertTrue(plus.isCommutative());
            double[] out = new double[4];
            world.allreduce(new double[] {rank, 1, 2 * rank, -1}, out, plus);
            double t = size * (size - 1) / 2.0;
            assertArrayEquals(new double[] {t, size, 2 * t, -size}, out);
            // a large heap array: the op must not run inside a critical downcall
            double[] big = new double[1 << 15];
            java.util.Arrays.fill(big, rank + 1);
            double[] bigOut = new double[big.length];
            world.allreduce(big, bigOut, plus);
            for (double v : bigOut) {
                assertEquals(size * (size + 1) / 2.0, v);
            }
            double[] nb = new double[1];
            world.iallreduce(new double[] {1}, nb, plus).waitFor();
            assertEquals(size, nb[0]);
        }
    }

    @Test
    void userDefinedIntAndLongOps() {
        try (Op maxAbs = Op.ofInts((a, b) -> Math.abs(a) > Math.abs(b) ? a : b, true);
                Op mul = Op.ofLongs((a, b) -> a * b, true)) {
            int[] out = new int[1];
            world.allreduce(new int[] {rank % 2 == 0 ? -rank : rank}, out, maxAbs);
            int l = size - 1;
            assertEquals(l % 2 == 0 ? -l : l, out[0]);
            long[] p = new long[1];
            world.allreduce(new long[] {rank + 2}, p, mul);
            long expected = 1;
            for (int r = 0; r < size; r++) {
                expected *= r + 2;
            }
            assertEquals(expected, p[0]);
        }
    }

    /** 2x2 int matrices as one element of a derived type: their product depends on the order. */
    @Test
    void nonCommutativeOpKeepsRankOrder() {
        UserFunction matmul = (in, inout, count, type) -> {
            assertEquals(16, type.size());
            for (int k = 0; k < count; k++) {
                long o = 16L * k;
                int a = in.get(ValueLayout.JAVA_INT, o), b = in.get(ValueLayout.JAVA_INT, o + 4);
                int c = in.get(ValueLayout.JAVA_INT, o + 8), d = in.get(ValueLayout.JAVA_INT, o + 12);
                int e = inout.get(ValueLayout.JAVA_INT, o), f = inout.get(ValueLayout.JAVA_INT, o + 4);
                int g = inout.get(ValueLayout.JAVA_INT, o + 8), h = inout.get(ValueLayout.JAVA_INT, o + 12);
                inout.set(ValueLayout.JAVA_INT, o, a * e + b * g);
                inout.set(ValueLayout.JAVA_INT, o + 4, a * f + b * h);
                inout.set(ValueLayout.JAVA_INT, o + 8, c * e + d * g);
                inout.set(ValueLayout.JAVA_INT, o + 12, c * f + d * h);
            }
        };
        try (Op op = Op.create(matmul, false); Datatype mat = Datatype.INT32_T.contiguous(4).commit()) {
            assertFalse(op.isCommutative());
            int[] mine = {rank + 1, 1, 1, 0};
            int[] prod = new int[4];
            world.allreduce(MemorySegment.ofArray(mine), MemorySegment.ofArray(prod), 1, mat, op);
            int[] expected = {1, 0, 0, 1};
            for (int r = 0; r < size; r++) {
                int[] m = {r + 1, 1, 1, 0};
                expected = new int[] {expected[0] * m[0] + expected[1] * m[2], expected[0] * m[1] + expected[1] * m[3],
                    expected[2] * m[0] + expected[3] * m[2], expected[2] * m[1] + expected[3] * m[3]};
            }
            assertArrayEquals(expected, prod);
            int[] prefix = new int[4];
            world.scan(MemorySegment.ofArray(mine), MemorySegment.ofArray(prefix), 1, mat, op);
            int[] e = {1, 0, 0, 1};
            for (int r = 0; r <= rank; r++) {
                int[] m = {r + 1, 1, 1, 0};
                e = new int[] {e[0] * m[0] + e[1] * m[2], e[0] * m[1] + e[1] * m[3], e[2] * m[0] + e[3] * m[2],
                    e[2] * m[1] + e[3] * m[3]};
            }
            assertArrayEquals(e, prefix);
        }
    }

    @Test
    void anExceptionInAUserOpSurfacesAsAJavaException() {
        try (Op bad = Op.ofInts((a, b) -> {
            throw new ArithmeticException("boom");
        }, true)) {
            ArithmeticException e = assertThrows(ArithmeticException.class,
                    () -> bad.reduceLocal(MemorySegment.ofArray(new int[] {1}), MemorySegment.ofArray(new int[] {2})));
            assertEquals("boom", e.getMessage());
            // collectively: the ranks that ran the op see the exception, and every rank goes on
            int caught = 0;
            try {
                world.allreduce(new int[] {1}, new int[1], bad);
            } catch (ArithmeticException ex) {
                caught = 1;
            }
            int[] total = new int[1];
            world.allreduce(new int[] {caught}, total, Op.SUM);
            assertEquals(size == 1 ? 0 : 1, Math.min(total[0], 1));
            // a type the op does not accept is reported the same way
            assertThrows(IllegalArgumentException.class, () -> Op.ofDoubles(Double::sum, true).reduceLocal(
                    MemorySegment.ofArray(new int[] {1}), MemorySegment.ofArray(new int[] {2})));
            // nonblocking: the exception comes out of the wait
            int c2 = 0;
            try {
                world.iallreduce(new int[] {1}, new int[1], bad).waitFor();
            } catch (ArithmeticException ex) {
                c2 = 1;
            }
            world.allreduce(new int[] {c2}, total, Op.SUM);
            assertEquals(size == 1 ? 0 : 1, Math.min(total[0], 1));
        }
    }

    @Test
    void aUserOpExceptionInWaitAllStillCompletesEveryRequest() {
        try (Op bad = Op.ofInts((a, b) -> {
            throw new ArithmeticException("boom");
        }, true)) {
            int[] sum = new int[1];
            Request[] reqs = {world.iallreduce(new int[] {1}, new int[1], bad),
                world.iallreduce(new int[] {rank}, sum, Op.SUM)};
            try {
                Request.waitAll(reqs);
            } catch (ArithmeticException expectedOnSomeRanks) {
                assertEquals("boom", expectedOnSomeRanks.getMessage());
            }
            assertTrue(reqs[0].isComplete());
            assertTrue(reqs[1].isComplete());
            assertEquals(size * (size - 1) / 2, sum[0]);
        }
    }

    @Test
    void aFreedUserOpCannotBeUsed() {
        Op op = Op.ofInts(Integer::sum, true);
        op.free();
        op.free();
        assertTrue(op.isFreed());
        assertThrows(IllegalStateException.class, () -> world.allreduce(new int[1], new int[1], op));
        assertSame(Op.SUM, Op.SUM);
    }
}
