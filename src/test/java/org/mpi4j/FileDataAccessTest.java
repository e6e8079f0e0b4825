package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/**
 * Every data access routine of MPI-IO (explicit offsets, individual and shared file pointers,
 * blocking, nonblocking and split collective), with native segments and heap arrays: what is
 * written is read back, reads report what they read, and a read past the end of the file reads
 * fewer bytes and leaves the rest of the buffer as it was.
 */
@MpiTest
class FileDataAccessTest {
    private static final Intracomm WORLD = MPI.COMM_WORLD;
    private static final int RANK = WORLD.rank();
    private static final int SIZE = WORLD.size();
    /** Ints per rank in most tests. */
    private static final int N = 1000;
    private static Path dir;

    @BeforeAll
    static void createDirectory() {
        dir = IoDirs.create(WORLD, "access");
    }

    @AfterAll
    static void removeDirectory() {
        IoDirs.remove(WORLD, dir);
    }

    private static File create(String name) {
        return File.open(WORLD, dir.resolve(name), AccessMode.RDWR, AccessMode.CREATE);
    }

    private static int[] block(int r) {
        return IoDirs.block(r, N);
    }

    /** The whole file of SIZE blocks in rank order. */
    private static int[] allBlocks() {
        int[] a = new int[N * SIZE];
        for (int r = 0; r < SIZE; r++) {
            System.arraycopy(block(r), 0, a, r * N, N);
        }
        return a;
    }

    private static void syncAll(File f) {
        IoDirs.syncAll(WORLD, f);
    }

    private static MemorySegment nativeCopy(Arena arena, int[] a) {
        return arena.allocate(ValueLayout.JAVA_INT, a.length).copyFrom(MemorySegment.ofArray(a));
    }

    // ---- explicit offsets ------------------------------------------------------------------------

    @Test
    void writeAtAndReadAtMoveNativeSegments() {
        try (Arena arena = Arena.ofConfined(); File f = create("at-native")) {
            Status st = new Status();
            f.writeAt(4L * N * RANK, nativeCopy(arena, block(RANK)), st);
            assertEquals(4L * N, st.byteCount());
            syncAll(f);
            int next = (RANK + 1) % SIZE;
            MemorySegment in = arena.allocate(4L * N);
            f.readAt(4L * N * next, in, N, Datatype.INT, st);
            assertEquals(N, st.getCount(Datatype.INT));
            assertArrayEquals(block(next), in.toArray(ValueLayout.JAVA_INT));
        }
    }

    @Test
    void writeAtAllAndReadAtAllMoveHeapArrays() {
        try (File f = create("at-all-heap")) {
            f.writeAtAll(4L * N * RANK, MemorySegment.ofArray(block(RANK)));
            syncAll(f);
            int[] all = new int[N * SIZE];
            Status st = new Status();
            f.readAtAll(0, MemorySegment.ofArray(all), st);
            assertEquals(4L * N * SIZE, st.byteCount());
            assertArrayEquals(allBlocks(), all);
        }
    }

    @Test
    void nonblockingExplicitOffsetsCompleteWithTheirData() {
        try (Arena arena = Arena.ofConfined(); File f = create("iat")) {
            int[] mine = block(RANK);
            // first half by iWriteAt from a heap array, second half by iWriteAtAll from native memory
            MemorySegment heap = MemorySegment.ofArray(mine).asSlice(0, 2L * N);
            MemorySegment nat = nativeCopy(arena, mine).asSlice(2L * N);
            Request w1 = f.iWriteAt(4L * N * RANK, heap);
            Request w2 = f.iWriteAtAll(4L * N * RANK + 2L * N, nat);
            System.gc();
            Request.waitAll(w1, w2);
            syncAll(f);
            int[] back = new int[N];
            MemorySegment nback = arena.allocate(4L * N);
            Status s1 = new Status();
            Status s2 = new Status();
            Request r1 = f.iReadAt(4L * N * RANK, MemorySegment.ofArray(back));
            Request r2 = f.iReadAtAll(4L * N * RANK, nback, N, Datatype.INT);
            System.gc();
            r1.waitFor(s1);
            r2.waitFor(s2);
            assertEquals(4L * N, s1.byteCount());
            assertEquals(N, s2.getCount(Datatype.INT));
            assertArrayEquals(mine, back);
            assertArrayEquals(mine, nback.toArray(ValueLayout.JAVA_INT));
        }
    }

    @Test
    void aReadPastTheEndReadsFewerAndLeavesTheRestOfTheBuffer() {
        try (Arena arena = Arena.ofConfined(); File f = create("eof")) {
            f.writeAtAll(4L * RANK, MemorySegment.ofArray(new int[] {RANK}));
            syncAll(f);
            long end = 4L * SIZE;
            // every kind of read of 4 ints from the last int of the file: only that int is read
            for (int kind = 0; kind < 6; kind++) {
                int[] heap = {-1, -1, -1, -1};
                MemorySegment nat = nativeCopy(arena, heap);
                Status sh = new Status();
                Status sn = new Status();
                switch (kind) {
                    case 0 -> {
                        f.readAt(end - 4, MemorySegment.ofArray(heap), sh);
                        f.readAt(end - 4, nat, sn);
                    }
                    case 1 -> {
                        f.readAtAll(end - 4, MemorySegment.ofArray(heap), sh);
                        f.readAtAll(end - 4, nat, sn);
                    }
                    case 2 -> {
                        f.iReadAt(end - 4, MemorySegment.ofArray(heap)).waitFor(sh);
                        f.iReadAt(end - 4, nat).waitFor(sn);
                    }
                    case 3 -> {
                        f.iReadAtAll(end - 4, MemorySegment.ofArray(heap)).waitFor(sh);
                        f.iReadAtAll(end - 4, nat).waitFor(sn);
                    }
                    case 4 -> {
                        f.readAtAllBegin(end - 4, MemorySegment.ofArray(heap));
                        f.readAtAllEnd(sh);
                        f.readAtAllBegin(end - 4, nat);
                        f.readAtAllEnd(sn);
                    }
                    default -> {
                        f.seek(end - 4, SeekMode.SET);
                        f.iread(MemorySegment.ofArray(heap)).waitFor(sh);
                        f.seek(-4, SeekMode.END);
                        f.read(nat, sn);
                    }
                }
                int[] expected = {SIZE - 1, -1, -1, -1};
                assertArrayEquals(expected, heap, "read kind " + kind);
                assertArrayEquals(expected, nat.toArray(ValueLayout.JAVA_INT), "read kind " + kind);
                assertEquals(4, sh.byteCount(), "read kind " + kind);
                assertEquals(1, sn.getCount(Datatype.INT), "read kind " + kind);
            }
            // entirely past the end: nothing read
            int[] heap = {-1, -1};
            Status st = new Status();
            f.iReadAt(end + 100, MemorySegment.ofArray(heap)).waitFor(st);
            assertEquals(0, st.byteCount());
            assertArrayEquals(new int[] {-1, -1}, heap);
        }
    }

    // ---- individual file pointers ------------------------------------------------------------------

    @Test
    void individualPointersWriteAndReadWhereTheySeek() {
        try (Arena arena = Arena.ofConfined(); File f = create("pointer")) {
            int[] mine = block(RANK);
            f.seek(4L * N * RANK, SeekMode.SET);
            f.write(MemorySegment.ofArray(mine), N / 2, Datatype.INT);
            assertEquals(4L * N * RANK + 2L * N, f.position());
            f.write(nativeCopy(arena, mine).asSlice(2L * N));
            assertEquals(4L * N * (RANK + 1), f.position());
            syncAll(f);
            int next = (RANK + 1) % SIZE;
            f.seek(4L * N * next, SeekMode.SET);
            int[] back = new int[N];
            Status st = new Status();
            f.read(MemorySegment.ofArray(back), st);
            assertEquals(4L * N, st.byteCount());
            assertArrayEquals(block(next), back);
            f.seek(-4L * N, SeekMode.CUR);
            assertEquals(4L * N * next, f.position());
            assertEquals(4L * N * next, f.byteOffset(f.position()));
        }
    }

    @Test
    void collectiveAndNonblockingIndividualPointerCalls() {
        try (Arena arena = Arena.ofConfined(); File f = create("pointer-all")) {
            int[] mine = block(RANK);
            f.seek(4L * N * RANK, SeekMode.SET);
            f.writeAll(MemorySegment.ofArray(mine), N / 4, Datatype.INT);
            Request w = f.iwrite(MemorySegment.ofArray(mine).asSlice(N, N));
            w.waitFor();
            Request wa = f.iwriteAll(nativeCopy(arena, mine).asSlice(2L * N));
            System.gc();
            wa.waitFor();
            assertEquals(4L * N * (RANK + 1), f.position());
            syncAll(f);

            f.seek(4L * N * RANK, SeekMode.SET);
            int[] a = new int[N / 4];
            f.readAll(MemorySegment.ofArray(a));
            int[] b = new int[N / 4];
            Status sb = new Status();
            f.iread(MemorySegment.ofArray(b)).waitFor(sb);
            MemorySegment c = arena.allocate(2L * N);
            Status sc = new Status();
            f.ireadAll(c, N / 2, Datatype.INT).waitFor(sc);
            assertEquals(N, sb.byteCount());
            assertEquals(N / 2, sc.getCount(Datatype.INT));
            int[] back = new int[N];
            System.arraycopy(a, 0, back, 0, N / 4);
            System.arraycopy(b, 0, back, N / 4, N / 4);
            System.arraycopy(c.toArray(ValueLayout.JAVA_INT), 0, back, N / 2, N / 2);
            assertArrayEquals(mine, back);
        }
    }

    // ---- shared file pointer -------------------------------------------------------------------

    @Test
    void writeOrderedAndReadOrderedGoInRankOrder() {
        try (File f = create("ordered")) {
            f.writeOrdered(MemorySegment.ofArray(block(RANK)));
            assertEquals(4L * N * SIZE, f.positionShared());
            syncAll(f);
            int[] all = new int[N * SIZE];
            f.readAtAll(0, MemorySegment.ofArray(all));
            assertArrayEquals(allBlocks(), all);
            f.seekShared(0, SeekMode.SET);
            int[] back = new int[N];
            Status st = new Status();
            f.readOrdered(MemorySegment.ofArray(back), st);
            assertEquals(4L * N, st.byteCount());
            assertArrayEquals(block(RANK), back);
        }
    }

    @Test
    void writeSharedAndReadSharedEachTakeTheirOwnPartOfTheFile() {
        // every collective step runs on every rank whatever the checks find (a rank that stopped at a
        // failed check would leave the others waiting); the checks are made at the end
        List<String> wrong = new ArrayList<>();
        try (Arena arena = Arena.ofConfined(); File f = create("shared")) {
            // every rank appends one block (in any order), half blocking, half nonblocking
            MemorySegment mine = nativeCopy(arena, block(RANK));
            if (RANK % 2 == 0) {
                f.writeShared(mine, N, Datatype.INT);
            } else {
                f.iwriteShared(MemorySegment.ofArray(block(RANK))).waitFor();
            }
            syncAll(f);
            // positionShared() is not checked here: after concurrent shared writes Open MPI 4.1.4 let
            // one of two processes read 0 in about 1 run of 4 (README); writeOrdered's test checks it
            expect(wrong, "file size", 4L * N * SIZE, f.size());
            int[] all = new int[N * SIZE];
            f.readAtAll(0, MemorySegment.ofArray(all));
            boolean[] seen = new boolean[SIZE];
            for (int k = 0; k < SIZE; k++) {
                int r = all[k * N] / 1_000_000;
                if (r < 0 || r >= SIZE || !Arrays.equals(block(r), Arrays.copyOfRange(all, k * N, (k + 1) * N))) {
                    wrong.add("block " + k + " of the file is not one rank's block (first int " + all[k * N] + ")");
                } else {
                    seen[r] = true;
                }
            }
            for (int r = 0; r < SIZE; r++) {
                if (!seen[r]) {
                    wrong.add("rank " + r + "'s block is missing from the file");
                }
            }
            // every rank reads one block at the shared pointer: together they read each block once
            f.seekShared(0, SeekMode.SET);
            int[] got = new int[N];
            Status st = new Status();
            if (RANK % 2 == 0) {
                f.readShared(MemorySegment.ofArray(got), st);
            } else {
                f.ireadShared(MemorySegment.ofArray(got)).waitFor(st);
            }
            expect(wrong, "bytes read at the shared pointer", 4L * N, st.byteCount());
            int r = got[0] / 1_000_000;
            if (r < 0 || r >= SIZE || !Arrays.equals(block(r), got)) {
                wrong.add("the block read at the shared pointer is not one rank's block (first int " + got[0] + ")");
            }
            int[] firsts = new int[SIZE];
            WORLD.allgather(new int[] {r}, firsts);
            Arrays.sort(firsts);
            for (int k = 0; k < SIZE; k++) {
                if (firsts[k] != k) {
                    wrong.add("the ranks read blocks " + Arrays.toString(firsts) + ", not each block once");
                    break;
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void expect(List<String> wrong, String what, long expected, long actual) {
        if (expected != actual) {
            wrong.add(what + ": expected " + expected + ", was " + actual);
        }
    }

    // ---- split collectives -------------------------------------------------------------------------

    @Test
    void splitCollectivesWriteAndReadBetweenBeginAndEnd() {
        try (Arena arena = Arena.ofConfined(); File f = create("split")) {
            int[] mine = block(RANK);
            int q = N / 4;
            // explicit offsets: the first quarter of each block, from a heap array
            f.writeAtAllBegin(4L * N * RANK, MemorySegment.ofArray(mine), q, Datatype.INT);
            System.gc();
            Status st = new Status();
            f.writeAtAllEnd(st);
            assertEquals(4L * q, st.byteCount());
            // individual pointer: the second quarter, from native memory
            f.seek(4L * N * RANK + 4L * q, SeekMode.SET);
            f.writeAllBegin(nativeCopy(arena, mine).asSlice(4L * q, 4L * q));
            f.writeAllEnd();
            syncAll(f);

            int[] back = new int[2 * q];
            f.readAtAllBegin(4L * N * RANK, MemorySegment.ofArray(back), q, Datatype.INT);
            f.readAtAllEnd(st);
            assertEquals(4L * q, st.byteCount());
            MemorySegment second = arena.allocate(4L * q);
            f.seek(4L * N * RANK + 4L * q, SeekMode.SET);
            f.readAllBegin(second, q, Datatype.INT);
            f.readAllEnd(st);
            assertEquals(q, st.getCount(Datatype.INT));
            MemorySegment.copy(second, 0, MemorySegment.ofArray(back), 4L * q, 4L * q);
            assertArrayEquals(Arrays.copyOf(mine, 2 * q), back);
        }
        try (File f = create("split-ordered")) {
            f.writeOrderedBegin(MemorySegment.ofArray(block(RANK)));
            f.writeOrderedEnd();
            syncAll(f);
            f.seekShared(0, SeekMode.SET);
            int[] back = new int[N];
            f.readOrderedBegin(MemorySegment.ofArray(back));
            System.gc();
            Status st = new Status();
            f.readOrderedEnd(st);
            assertEquals(4L * N, st.byteCount());
            assertArrayEquals(block(RANK), back);
        }
    }

    // ---- datatypes in memory ---------------------------------------------------------------------

    @Test
    void aDerivedMemoryTypeLeavesItsHolesAlone() {
        try (File f = create("holes"); Datatype everyOther = Datatype.INT.vector(N / 2, 1, 2).commit()) {
            f.writeAt(4L * N * RANK, MemorySegment.ofArray(block(RANK)), N / 2, Datatype.INT);
            int[] heap = new int[N];
            Arrays.fill(heap, -7);
            Status st = new Status();
            f.readAt(4L * N * RANK, MemorySegment.ofArray(heap), 1, everyOther, st);
            assertEquals(2L * N, st.byteCount());
            for (int i = 0; i < N; i++) {
                assertEquals(i % 2 == 0 ? RANK * 1_000_000 + i / 2 : -7, heap[i], "int " + i);
            }
            // and a nonblocking read through the same type into a heap array
            Arrays.fill(heap, -7);
            f.iReadAt(4L * N * RANK, MemorySegment.ofArray(heap), 1, everyOther).waitFor();
            assertEquals(-7, heap[1]);
            assertEquals(RANK * 1_000_000 + 1, heap[2]);
        }
    }

    @Test
    void doublesAndLongsKeepTheirValues() {
        try (File f = create("typed")) {
            double[] d = {Math.PI, -0.0, Double.MAX_VALUE, RANK};
            long[] l = {Long.MIN_VALUE, RANK, -1};
            f.writeAtAll(56L * RANK, MemorySegment.ofArray(d));
            f.writeAtAll(56L * RANK + 32, MemorySegment.ofArray(l));
            syncAll(f);
            double[] d2 = new double[4];
            long[] l2 = new long[3];
            f.readAtAll(56L * RANK, MemorySegment.ofArray(d2));
            f.readAtAll(56L * RANK + 32, MemorySegment.ofArray(l2));
            assertArrayEquals(d, d2);
            assertArrayEquals(l, l2);
        }
    }
}
