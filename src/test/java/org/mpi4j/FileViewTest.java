package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/**
 * File views: displacements, derived file types (vector, subarray), both data representations
 * Open MPI's ompio implements ("native" and "external32"), and getView.
 */
@MpiTest
class FileViewTest {
    private static final Intracomm WORLD = MPI.COMM_WORLD;
    private static final int RANK = WORLD.rank();
    private static final int SIZE = WORLD.size();
    private static Path dir;

    @BeforeAll
    static void createDirectory() {
        dir = IoDirs.create(WORLD, "view");
    }

    @AfterAll
    static void removeDirectory() {
        IoDirs.remove(WORLD, dir);
    }

    private static File create(String name) {
        return File.open(WORLD, dir.resolve(name), AccessMode.RDWR, AccessMode.CREATE);
    }

    /** The whole file's bytes, read with the default view. */
    private static byte[] contents(File f) {
        f.sync();
        WORLD.barrier();
        f.sync();
        f.setView(0, Datatype.BYTE, Datatype.BYTE, File.NATIVE);
        byte[] all = new byte[(int) f.size()];
        f.readAtAll(0, MemorySegment.ofArray(all));
        return all;
    }

    @Test
    void theDefaultViewIsNativeBytesFromTheStart() {
        try (File f = create("default")) {
            FileView v = f.getView();
            assertEquals(0, v.displacement());
            assertSame(Datatype.BYTE, v.etype());
            assertSame(Datatype.BYTE, v.filetype());
            assertEquals(File.NATIVE, v.datarep());
            v.free();
        }
    }

    @Test
    void aDisplacementMovesOffsetsAndPointers() {
        try (File f = create("displaced")) {
            f.setView(FileView.of(100 + 8L * RANK, Datatype.INT));
            f.writeAt(1, MemorySegment.ofArray(new int[] {RANK + 1}));
            assertEquals(100 + 8L * RANK + 4, f.byteOffset(1));
            assertEquals(0, f.position());
            byte[] all = contents(f);
            ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.nativeOrder());
            for (int r = 0; r < SIZE; r++) {
                assertEquals(r + 1, b.getInt(100 + 8 * r + 4));
            }
        }
    }

    @Test
    void aVectorFileTypeInterleavesTheRanks() {
        for (String rep : new String[] {File.NATIVE, File.EXTERNAL32}) {
            try (File f = create("vector-" + rep); Datatype ft = Datatype.INT.vector(10, 1, SIZE).commit()) {
                f.setView(4L * RANK, Datatype.INT, ft, rep);
                int[] mine = new int[10];
                for (int i = 0; i < 10; i++) {
                    mine[i] = 100 * i + RANK;
                }
                f.writeAll(MemorySegment.ofArray(mine));
                f.sync();
                WORLD.barrier();
                f.sync();
                FileView v = f.getView();
                assertEquals(4L * RANK, v.displacement());
                assertSame(Datatype.INT, v.etype());
                // Open MPI returns a duplicate of the file type
                assertEquals(ft.size(), v.filetype().size());
                assertEquals(ft.extent(), v.filetype().extent());
                assertEquals(rep, v.datarep());
                v.free();
                assertTrue(v.filetype().isFreed());

                // through the same view every rank reads its own ints back
                int[] back = new int[10];
                f.seek(0, SeekMode.SET);
                f.readAll(MemorySegment.ofArray(back));
                assertArrayEquals(mine, back);

                byte[] all = contents(f);
                assertEquals(40 * SIZE, all.length);
                ByteBuffer b = ByteBuffer.wrap(all)
                        .order(rep.equals(File.NATIVE) ? ByteOrder.nativeOrder() : ByteOrder.BIG_ENDIAN);
                for (int k = 0; k < 10 * SIZE; k++) {
                    assertEquals(100 * (k / SIZE) + k % SIZE, b.getInt(4 * k), rep + " int " + k);
                }
            }
        }
    }

    @Test
    void external32StoresBigEndianAndReadsBackNativeValues() {
        try (File f = create("external32")) {
            f.setView(0, Datatype.DOUBLE, Datatype.DOUBLE, File.EXTERNAL32);
            double[] d = {1.5 + RANK, -2.25, 1e300};
            f.writeAtAll(3L * RANK, MemorySegment.ofArray(d));
            f.sync();
            WORLD.barrier();
            f.sync();
            assertEquals(8, f.typeExtent(Datatype.DOUBLE));
            double[] back = new double[3];
            f.readAtAll(3L * RANK, MemorySegment.ofArray(back));
            assertArrayEquals(d, back);
            byte[] all = contents(f);
            ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.BIG_ENDIAN);
            for (int r = 0; r < SIZE; r++) {
                assertEquals(1.5 + r, b.getDouble(24 * r));
                assertEquals(-2.25, b.getDouble(24 * r + 8));
            }
        }
    }

    @Test
    void subarrayViewsWriteByRowsAndReadByColumns() {
        int rows = 2 * SIZE + 1;
        int cols = 3 * SIZE;
        int r0 = rows * RANK / SIZE;
        int nr = rows * (RANK + 1) / SIZE - r0;
        int c0 = cols * RANK / SIZE;
        int nc = cols * (RANK + 1) / SIZE - c0;
        try (File f = create("subarray");
                Datatype byRows = Datatype.LONG.subarray(new int[] {rows, cols}, new int[] {nr, cols},
                        new int[] {r0, 0}, Datatype.Order.C).commit();
                Datatype byCols = Datatype.LONG.subarray(new int[] {rows, cols}, new int[] {rows, nc},
                        new int[] {0, c0}, Datatype.Order.C).commit()) {
            long[] mine = new long[nr * cols];
            for (int k = 0; k < mine.length; k++) {
                mine[k] = 1000L * (r0 + k / cols) + k % cols;
            }
            f.setView(0, Datatype.LONG, byRows, File.NATIVE);
            f.writeAll(MemorySegment.ofArray(mine));
            f.sync();
            WORLD.barrier();
            f.sync();
            f.setView(0, Datatype.LONG, byCols, File.NATIVE);
            long[] part = new long[rows * nc];
            Status st = new Status();
            f.readAll(MemorySegment.ofArray(part), st);
            assertEquals(part.length, st.getCount(Datatype.LONG));
            for (int k = 0; k < part.length; k++) {
                assertEquals(1000L * (k / nc) + c0 + k % nc, part[k], "element " + k);
            }
        }
    }
}
