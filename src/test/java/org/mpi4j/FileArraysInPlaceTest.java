package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/**
 * Blocking accesses of Java arrays go to the arrays themselves, in chunks of independent I/O plus
 * the collective call with no data (FileIo.inPlace): lowered here to a few hundred bytes per chunk,
 * so every access below takes many chunks. What is written is where a native write would put it,
 * through views whose etype is not the element type, with heap and native buffers mixed in one
 * collective, with file pointers and statuses as MPI defines them; a Java error handler or atomic
 * mode turns the path off (the arrays are staged instead), with the same results, and so do
 * processes on several nodes for writes.
 */
@MpiTest
class FileArraysInPlaceTest {
    private static final Intracomm WORLD = MPI.COMM_WORLD;
    private static final int RANK = WORLD.rank();
    private static final int SIZE = WORLD.size();
    /** Ints per rank: 3 * 1000, a multiple of the 3-int etype below. */
    private static final int N = 3000;
    private static Path dir;
    private long savedChunk;

    @BeforeAll
    static void createDirectory() {
        dir = IoDirs.create(WORLD, "inplace");
    }

    @AfterAll
    static void removeDirectory() {
        IoDirs.remove(WORLD, dir);
    }

    @BeforeEach
    void smallChunks() {
        savedChunk = FileIo.inPlaceChunk;
        FileIo.inPlaceChunk = 400; // 30 chunks for 12,000 bytes
    }

    @AfterEach
    void restoreChunks() {
        FileIo.inPlaceChunk = savedChunk;
    }

    private static File create(String name) {
        return File.open(WORLD, dir.resolve(name), AccessMode.RDWR, AccessMode.CREATE);
    }

    private static int[] block(int r) {
        return IoDirs.block(r, N);
    }

    private static void syncAll(File f) {
        IoDirs.syncAll(WORLD, f);
    }

    /** The whole file as ints, read through a native segment under the default view. */
    private static int[] fileContents(File f, int ints) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = arena.allocate(ValueLayout.JAVA_INT, ints);
            Status st = new Status();
            f.readAt(0, m, st);
            assertEquals(4L * ints, st.getCount(Datatype.BYTE));
            return m.toArray(ValueLayout.JAVA_INT);
        }
    }

    @Test
    void collectiveAccessesOfArraysManyChunksLongArriveWhole() {
        try (File f = create("explicit")) {
            Status st = new Status();
            f.writeAtAll(4L * N * RANK, MemorySegment.ofArray(block(RANK)), st);
            assertEquals(4L * N, st.getCount(Datatype.BYTE));
            syncAll(f);
            int[] back = new int[N];
            f.readAtAll(4L * N * ((RANK + 1) % SIZE), MemorySegment.ofArray(back), st);
            assertEquals(4L * N, st.getCount(Datatype.BYTE));
            assertArrayEquals(block((RANK + 1) % SIZE), back);
            int[] whole = fileContents(f, N * SIZE);
            for (int r = 0; r < SIZE; r++) {
                assertArrayEquals(block(r), java.util.Arrays.copyOfRange(whole, r * N, (r + 1) * N));
            }
        }
    }

    @Test
    void individualPointersAdvanceByEveryChunk() {
        try (File f = create("pointer")) {
            f.seek((long) 4 * N * RANK, SeekMode.SET);
            f.writeAll(MemorySegment.ofArray(block(RANK)));
            assertEquals(4L * N * (RANK + 1), f.position());
            f.write(MemorySegment.ofArray(new int[0]));
            syncAll(f);
            f.seek((long) 4 * N * RANK, SeekMode.SET);
            int[] back = new int[N];
            f.readAll(MemorySegment.ofArray(back));
            assertArrayEquals(block(RANK), back);
            assertEquals(4L * N * (RANK + 1), f.position());
            f.seek((long) 4 * N * RANK + 4, SeekMode.SET);
            int[] shifted = new int[N - 1];
            Status st = new Status();
            f.read(MemorySegment.ofArray(shifted), st);
            assertEquals(4L * (N - 1), st.getCount(Datatype.BYTE));
            assertArrayEquals(java.util.Arrays.copyOfRange(block(RANK), 1, N), shifted);
        }
    }

    @Test
    void heapAndNativeBuffersMixInOneCollective() {
        try (File f = create("mixed"); Arena arena = Arena.ofConfined()) {
            boolean heap = RANK % 2 == 0;
            MemorySegment mine = heap ? MemorySegment.ofArray(block(RANK))
                    : arena.allocate(ValueLayout.JAVA_INT, N).copyFrom(MemorySegment.ofArray(block(RANK)));
            f.writeAtAll(4L * N * RANK, mine);
            syncAll(f);
            int[] all = new int[N * SIZE];
            MemorySegment into = heap ? MemorySegment.ofArray(all) : arena.allocate(ValueLayout.JAVA_INT, N * SIZE);
            Status st = new Status();
            f.readAtAll(0, into, st);
            assertEquals(4L * N * SIZE, st.getCount(Datatype.BYTE));
            if (!heap) {
                MemorySegment.copy(into, 0, MemorySegment.ofArray(all), 0, 4L * N * SIZE);
            }
            for (int r = 0; r < SIZE; r++) {
                assertArrayEquals(block(r), java.util.Arrays.copyOfRange(all, r * N, (r + 1) * N));
            }
        }
    }

    @Test
    void chunksStartOnWholeEtypesOfAnInterleavedView() {
        // etype: 3 ints (12 bytes); the view gives each rank every SIZE-th etype; chunks of 400 bytes
        // become 396 (33 etypes), so every chunk's offset, in etypes, is exact
        try (File f = create("view"); Datatype etype = Datatype.INT.contiguous(3).commit();
                Datatype ft = etype.vector(N / 3, 1, SIZE).commit()) {
            f.setView(12L * RANK, etype, ft, File.NATIVE);
            f.writeAtAll(0, MemorySegment.ofArray(block(RANK)));
            syncAll(f);
            int[] back = new int[N - 3];
            f.readAtAll(1, MemorySegment.ofArray(back));
            assertArrayEquals(java.util.Arrays.copyOfRange(block(RANK), 3, N), back);
            f.setView(0, Datatype.BYTE, Datatype.BYTE, File.NATIVE);
            int[] whole = fileContents(f, N * SIZE);
            for (int k = 0; k < N / 3; k++) {
                for (int r = 0; r < SIZE; r++) {
                    for (int j = 0; j < 3; j++) {
                        assertEquals(r * 1_000_000 + 3 * k + j, whole[(k * SIZE + r) * 3 + j]);
                    }
                }
            }
        }
    }

    @Test
    void aCollectiveReadPastTheEndStopsAtTheEndAndLeavesTheRest() {
        try (File f = create("short")) {
            if (RANK == 0) {
                f.writeAt(0, MemorySegment.ofArray(block(0)));
            }
            WORLD.barrier();
            syncAll(f);
            int[] back = new int[N + 500];
            java.util.Arrays.fill(back, -1);
            Status st = new Status();
            f.readAtAll(4L * (N - 250), MemorySegment.ofArray(back), st);
            assertEquals(4L * 250, st.getCount(Datatype.BYTE));
            assertArrayEquals(java.util.Arrays.copyOfRange(block(0), N - 250, N), java.util.Arrays.copyOf(back, 250));
            for (int i = 250; i < back.length; i++) {
                assertEquals(-1, back[i], "element " + i + " beyond the end of the file");
            }
        }
    }

    @Test
    void writesGoInPlaceOnlyWhenEveryProcessIsOnThisNode() {
        // across hosts (CrossHostTest runs this class on three), another node's read-modify-write in
        // a collective could write back a stale copy of this node's independent write
        boolean oneNode;
        try (Intracomm node = WORLD.splitType(SplitType.SHARED, 0)) {
            oneNode = node.size() == SIZE;
        }
        try (File f = create("nodes")) {
            assertTrue(f.criticalAccessAllowed(true), "reads modify nothing: always in place");
            assertEquals(oneNode, f.criticalAccessAllowed(false));
            f.writeAtAll(4L * N * RANK, MemorySegment.ofArray(block(RANK)));
            syncAll(f);
            int[] back = new int[N];
            f.readAtAll(4L * N * ((RANK + 1) % SIZE), MemorySegment.ofArray(back));
            assertArrayEquals(block((RANK + 1) % SIZE), back);
        }
    }

    @Test
    void aJavaErrorHandlerOrAtomicModeStagesTheArraysWithTheSameResults() {
        AtomicInteger calls = new AtomicInteger();
        try (File f = create("staged"); Errhandler h = Errhandler.forFile((file, code) -> calls.incrementAndGet())) {
            assertTrue(f.criticalAccessAllowed(true));
            f.setErrhandler(h);
            assertFalse(f.criticalAccessAllowed(false), "a Java error handler may be called from the access");
            f.writeAtAll(4L * N * RANK, MemorySegment.ofArray(block(RANK)));
            f.setErrhandler(Errhandler.ERRORS_RETURN);
            assertTrue(f.criticalAccessAllowed(true));
            f.setAtomicity(true);
            assertFalse(f.criticalAccessAllowed(false), "one atomic access per call");
            syncAll(f);
            int[] back = new int[N];
            f.readAtAll(4L * N * ((RANK + 1) % SIZE), MemorySegment.ofArray(back));
            assertArrayEquals(block((RANK + 1) % SIZE), back);
            f.setAtomicity(false);
            assertTrue(f.criticalAccessAllowed(true));
            assertEquals(0, calls.get());
        }
    }
}
