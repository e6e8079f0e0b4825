package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/**
 * Objects whose out-of-band parts exceed {@link ObjectRequest#IN_PLACE_PARTS} (64 MiB) are received
 * into their arrays when the frame is matched, in chunks of {@link ObjectFrame#chunkLimit}: the
 * data arrives whole through every nonblocking receive path. (Their memory is measured by
 * {@code bin/mpi4j-bench objectmemory}, not here.)
 */
@MpiTest
class LargeObjectPartsTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;

    /** 72 MiB: two chunks, above the in-place threshold. */
    private static long[] large(int seed) {
        long[] a = new long[9 * 1024 * 1024];
        for (int i = 0; i < a.length; i += 4096) {
            a[i] = seed * 1_000_000_007L + i;
        }
        a[a.length - 1] = seed;
        return a;
    }

    private static void assertLarge(int seed, long[] got) {
        assertEquals(9 * 1024 * 1024, got.length);
        for (int i = 0; i < got.length - 1; i += 4096) {
            assertEquals(seed * 1_000_000_007L + i, got[i]);
        }
        assertEquals(seed, got[got.length - 1]);
    }

    @Test
    void aLargeObjectArrivesWholeThroughMprobeObjectAndIrecv() {
        ObjectRequest<Void> sent = world.isendObject(large(rank), next, 31);
        ObjectMessage m = world.mprobeObject(prev, 31);
        long[] got = m.<long[]>irecv().waitFor();
        sent.waitFor();
        assertLarge(prev, got);
    }

    @Test
    void aLargeObjectArrivesWholeThroughIrecvObject() {
        ObjectRequest<Object[]> r = world.irecvObject(prev, 32);
        ObjectRequest<Void> sent = world.isendObject(new Object[] {"tag", large(rank + 10)}, next, 32);
        Object[] got = r.waitFor();
        sent.waitFor();
        assertEquals("tag", got[0]);
        assertLarge(prev + 10, (long[]) got[1]);
    }
}
