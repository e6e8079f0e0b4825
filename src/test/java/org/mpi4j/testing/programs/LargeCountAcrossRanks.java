package org.mpi4j.testing.programs;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.Datatype;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;

/**
 * One broadcast and one allreduce of 2^31+4096 bytes (more elements than an MPI-3.1 count holds)
 * between processes, each byte checked at sampled positions over the whole range (every 4093rd)
 * and at every position from 64 KiB below 2^31 to the end. Run it at 2 to 4 ranks. Prints
 * "large bcast ok" and "large allreduce ok" per rank, or the first wrong byte; with an argument,
 * the time of each step too.
 */
public final class LargeCountAcrossRanks {
    /** Bytes per call: above Integer.MAX_VALUE, a multiple of 8 so the pattern is written in longs. */
    static final long COUNT = (1L << 31) + 4096;
    /** Every byte below this is checked, from here to the end too. */
    private static final long DENSE_FROM = (1L << 31) - 65536;
    private static final long SAMPLE_STRIDE = 4093; // prime: samples fall on every byte offset within a long

    private LargeCountAcrossRanks() {
    }

    /**
     * The pattern byte at {@code i}: byte {@code i % 8} of a mix of the long index, so no two regions
     * agree; each byte below 64, so that the sum over up to 4 ranks does not overflow (Open MPI 4.1.4's
     * AVX reductions saturate 8-bit sums instead of wrapping them).
     */
    static byte pattern(long i) {
        return (byte) (mix(i >>> 3) >>> (8 * (i & 7)));
    }

    private static long mix(long k) {
        long h = (k + 1) * 0x9E3779B97F4A7C15L;
        return (h ^ (h >>> 29)) & 0x3F3F3F3F3F3F3F3FL;
    }

    public static void main(String[] args) {
        Intracomm world = MPI.COMM_WORLD;
        int p = world.size();
        int root = p - 1;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = MPI.allocMem(arena, COUNT);
            long t0 = System.nanoTime();
            if (world.rank() == root) {
                for (long k = 0; k < COUNT / 8; k++) {
                    buf.setAtIndex(ValueLayout.JAVA_LONG, k, mix(k)); // little-endian: byte j of mix(k)
                }
            } else {
                buf.set(ValueLayout.JAVA_BYTE, COUNT - 1, (byte) ~pattern(COUNT - 1)); // a wrong last byte to overwrite
            }
            long t1 = System.nanoTime();
            world.bcast(buf, COUNT, Datatype.UINT8_T, root);
            long t2 = System.nanoTime();
            report(world, "bcast", check(buf, 1));
            long t3 = System.nanoTime();
            world.allreduceInPlace(buf, COUNT, Datatype.UINT8_T, Op.SUM);
            long t4 = System.nanoTime();
            report(world, "allreduce", check(buf, p));
            if (args.length > 0) {
                System.out.printf("rank %d: fill %.1f s, bcast %.1f s, check %.1f s, allreduce %.1f s%n", world.rank(),
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
            }
        }
    }

    /** The first position whose byte is not {@code times} the pattern (mod 256), or -1. */
    private static long check(MemorySegment buf, int times) {
        for (long i = 0; i < DENSE_FROM; i += SAMPLE_STRIDE) {
            if (buf.get(ValueLayout.JAVA_BYTE, i) != (byte) (times * pattern(i))) {
                return i;
            }
        }
        for (long i = DENSE_FROM; i < COUNT; i++) {
            if (buf.get(ValueLayout.JAVA_BYTE, i) != (byte) (times * pattern(i))) {
                return i;
            }
        }
        return -1;
    }

    private static void report(Intracomm world, String what, long wrong) {
        System.out.println(wrong < 0 ? "rank " + world.rank() + ": large " + what + " ok"
                : "rank " + world.rank() + ": large " + what + " wrong at byte " + wrong);
    }
}
