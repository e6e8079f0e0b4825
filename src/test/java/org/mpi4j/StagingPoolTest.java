package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.mpi4j.internal.Staged;
import org.mpi4j.internal.StagingPool;

/** The native staging memory of nonblocking operations on Java arrays: large blocks are reused. */
class StagingPoolTest {
    @Test
    void aLargeBlockGivenBackIsTakenAgain() {
        MemorySegment a = StagingPool.take(3 << 20);
        assertEquals(4 << 20, a.byteSize(), "rounded up to a power of two");
        long address = a.address();
        StagingPool.give(a);
        MemorySegment b = StagingPool.take((3 << 20) + 5);
        assertEquals(address, b.address(), "the same block again, already mapped");
        StagingPool.give(b);
    }

    @Test
    void smallBlocksHaveTheirOwnSize() {
        MemorySegment a = StagingPool.take(100);
        assertEquals(100, a.byteSize());
        long before = StagingPool.retained();
        StagingPool.give(a);
        assertEquals(before, StagingPool.retained(), "small blocks go back to malloc");
    }

    @Test
    void stagedMemoryHoldsTheHeapDataAndCopiesBack() {
        double[] data = new double[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        MemorySegment heap = MemorySegment.ofArray(data);
        Staged s = Staged.of(heap, heap.byteSize(), true);
        MemorySegment m = s.segment();
        assertTrue(m.isNative());
        assertEquals(heap.byteSize(), m.byteSize());
        assertEquals(-1L, m.mismatch(heap));
        m.setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, 7, -7.0);
        s.copyBackAndRelease();
        assertEquals(-7.0, data[7]);
        assertEquals(8.0, data[8]);
    }
}
