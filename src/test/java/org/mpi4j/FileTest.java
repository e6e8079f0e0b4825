package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Opening, closing and deleting files, their attributes, and every error case of MPI-IO. */
@MpiTest
class FileTest {
    private static final Intracomm WORLD = MPI.COMM_WORLD;
    private static Path dir;

    @BeforeAll
    static void createDirectory() {
        dir = IoDirs.create(WORLD, "file");
    }

    @AfterAll
    static void removeDirectory() {
        IoDirs.remove(WORLD, dir);
    }

    private static File create(String name) {
        return File.open(WORLD, dir.resolve(name), AccessMode.RDWR, AccessMode.CREATE);
    }

    @Test
    void openCreatesTheFileAndCloseIsIdempotent() {
        File f = create("created");
        assertEquals(0, f.size());
        assertFalse(f.isFreed());
        f.close();
        f.close();
        assertTrue(f.isFreed());
        assertTrue(Files.exists(dir.resolve("created")));
        assertThrows(IllegalStateException.class, f::size);
        assertThrows(IllegalStateException.class, () -> f.writeAt(0, MemorySegment.ofArray(new byte[1])));
        assertThrows(IllegalStateException.class, () -> f.iReadAt(0, MemorySegment.ofArray(new byte[1])));
    }

    @Test
    void openTakesAStringPathAndASetOfModes() {
        try (File f = File.open(WORLD, dir.resolve("string").toString(), EnumSet.of(AccessMode.WRONLY,
                AccessMode.CREATE))) {
            assertTrue(f.amode().contains(AccessMode.WRONLY));
        }
        try (File f = File.open(WORLD, dir.resolve("string").toString(), AccessMode.RDONLY)) {
            assertEquals(Set.of(AccessMode.RDONLY), f.amode());
        }
    }

    @Test
    void amodeReportsTheModesTheFileWasOpenedWith() {
        try (File f = create("amode")) {
            assertEquals(EnumSet.of(AccessMode.RDWR, AccessMode.CREATE), f.amode());
        }
    }

    @Test
    void groupHoldsTheProcessesOfTheCommunicator() {
        try (File f = create("group"); Group g = f.group()) {
            assertEquals(WORLD.size(), g.size());
            assertEquals(WORLD.rank(), g.rank());
        }
    }

    @Test
    void setSizeTruncatesAndExtendsAndPreallocateReserves() {
        try (File f = create("size")) {
            // the calls are collective, but a process may return before another has asked the size
            f.setSize(1000);
            assertEquals(1000, f.size());
            WORLD.barrier();
            f.setSize(10);
            assertEquals(10, f.size());
            WORLD.barrier();
            f.preallocate(4096);
            assertTrue(f.size() >= 4096, "size " + f.size());
            assertThrows(IllegalArgumentException.class, () -> f.setSize(-1));
            assertThrows(IllegalArgumentException.class, () -> f.preallocate(-1));
        }
    }

    @Test
    void atomicityCanBeSwitchedOnAndOff() {
        try (File f = create("atomic")) {
            assertFalse(f.atomicity());
            f.setAtomicity(true);
            assertTrue(f.atomicity());
            f.setAtomicity(false);
            assertFalse(f.atomicity());
        }
    }

    @Test
    void syncAfterAWriteKeepsTheData() {
        try (File f = create("sync")) {
            f.writeAt(WORLD.rank() * 4L, MemorySegment.ofArray(new int[] {WORLD.rank() + 1}));
            f.sync();
            WORLD.barrier();
            f.sync();
            assertEquals(4L * WORLD.size(), f.size());
        }
    }

    @Test
    void typeExtentIsTheSizeInTheFilesRepresentation() {
        try (File f = create("extent")) {
            assertEquals(8, f.typeExtent(Datatype.DOUBLE));
            assertEquals(4, f.typeExtent(Datatype.INT));
            try (Datatype pair = Datatype.INT.contiguous(2).commit()) {
                assertEquals(8, f.typeExtent(pair));
            }
            f.setView(0, Datatype.BYTE, Datatype.BYTE, File.EXTERNAL32);
            assertEquals(4, f.typeExtent(Datatype.INT));
        }
    }

    @Test
    void deleteOnCloseRemovesTheFile() {
        Path p = dir.resolve("temporary");
        File f = File.open(WORLD, p, AccessMode.RDWR, AccessMode.CREATE, AccessMode.DELETE_ON_CLOSE);
        assertTrue(Files.exists(p));
        f.close();
        WORLD.barrier();
        assertFalse(Files.exists(p));
    }

    @Test
    void deleteRemovesAClosedFile() {
        Path p = dir.resolve("deleted");
        create("deleted").close();
        WORLD.barrier();
        if (WORLD.rank() == 0) {
            File.delete(p);
            assertFalse(Files.exists(p));
            MpiException e = assertThrows(MpiException.class, () -> File.delete(p.toString()));
            assertEquals(ErrorClass.ERR_NO_SUCH_FILE, e.errorClass());
        }
        WORLD.barrier();
    }

    // ---- errors MPI reports ----------------------------------------------------------------------

    @Test
    void openingAMissingFileReadOnlyFailsWithNoSuchFile() {
        MpiException e = assertThrows(MpiException.class,
                () -> File.open(WORLD, dir.resolve("missing"), AccessMode.RDONLY));
        assertEquals(ErrorClass.ERR_NO_SUCH_FILE, e.errorClass());
        assertTrue(e.getMessage().startsWith("MPI_File_open"), e.getMessage());
    }

    @Test
    void openingAFileInAMissingDirectoryFailsWithNoSuchFile() {
        MpiException e = assertThrows(MpiException.class, () -> File.open(WORLD, dir.resolve("nodir/file"),
                AccessMode.WRONLY, AccessMode.CREATE));
        assertEquals(ErrorClass.ERR_NO_SUCH_FILE, e.errorClass());
    }

    @Test
    void exclusiveCreationOfAnExistingFileFailsWithFileExists() {
        create("exists").close();
        MpiException e = assertThrows(MpiException.class, () -> File.open(WORLD, dir.resolve("exists"),
                AccessMode.RDWR, AccessMode.CREATE, AccessMode.EXCL));
        assertEquals(ErrorClass.ERR_FILE_EXISTS, e.errorClass());
    }

    @Test
    void writingAReadOnlyFileFailsWithReadOnly() {
        create("readonly").close();
        try (File f = File.open(WORLD, dir.resolve("readonly"), AccessMode.RDONLY)) {
            MemorySegment b = MemorySegment.ofArray(new byte[8]);
            assertEquals(ErrorClass.ERR_READ_ONLY,
                    assertThrows(MpiException.class, () -> f.writeAt(0, b)).errorClass());
            assertEquals(ErrorClass.ERR_READ_ONLY,
                    assertThrows(MpiException.class, () -> f.writeAtAll(0, b)).errorClass());
        }
    }

    @Test
    void readingAWriteOnlyFileFailsWithAccess() {
        try (File f = File.open(WORLD, dir.resolve("writeonly"), AccessMode.WRONLY, AccessMode.CREATE)) {
            MpiException e = assertThrows(MpiException.class, () -> f.readAt(0, MemorySegment.ofArray(new byte[8])));
            assertEquals(ErrorClass.ERR_ACCESS, e.errorClass());
        }
    }

    @Test
    void openingADirectoryForWritingFailsWithBadFile() {
        MpiException e = assertThrows(MpiException.class, () -> File.open(WORLD, dir, AccessMode.WRONLY));
        assertEquals(ErrorClass.ERR_BAD_FILE, e.errorClass());
    }

    @Test
    void anUnsupportedDataRepresentationFails() {
        try (File f = create("internal")) {
            // Open MPI's ompio implements "native" and "external32" only
            MpiException e = assertThrows(MpiException.class,
                    () -> f.setView(0, Datatype.BYTE, Datatype.BYTE, File.INTERNAL));
            assertEquals(ErrorClass.ERR_UNSUPPORTED_DATAREP, e.errorClass());
        }
    }

    // ---- bad input, refused before MPI is called -------------------------------------------------

    @Test
    void conflictingAccessModesAreRefused() {
        Path p = dir.resolve("modes");
        assertThrows(IllegalArgumentException.class, () -> File.open(WORLD, p, AccessMode.RDONLY, AccessMode.RDWR));
        assertThrows(IllegalArgumentException.class, () -> File.open(WORLD, p, AccessMode.RDONLY, AccessMode.CREATE));
        assertThrows(IllegalArgumentException.class, () -> File.open(WORLD, p, AccessMode.RDONLY, AccessMode.EXCL));
        assertThrows(IllegalArgumentException.class, () -> File.open(WORLD, p, AccessMode.RDWR,
                AccessMode.SEQUENTIAL));
        assertThrows(IllegalArgumentException.class, () -> File.open(WORLD, p, AccessMode.CREATE));
        assertThrows(IllegalArgumentException.class, () -> File.open(WORLD, p, Set.of()));
        assertThrows(NullPointerException.class, () -> File.open(WORLD, p, (AccessMode) null));
        assertThrows(NullPointerException.class, () -> File.open(WORLD, (Path) null, AccessMode.RDONLY));
        assertFalse(Files.exists(p));
    }

    @Test
    void negativeOffsetsAreRefused() {
        try (File f = create("negative")) {
            MemorySegment b = MemorySegment.ofArray(new byte[4]);
            assertThrows(IllegalArgumentException.class, () -> f.writeAt(-1, b));
            assertThrows(IllegalArgumentException.class, () -> f.readAt(-1, b));
            assertThrows(IllegalArgumentException.class, () -> f.iWriteAt(-8, b));
            assertThrows(IllegalArgumentException.class, () -> f.readAtAllBegin(-8, b));
            assertThrows(IllegalArgumentException.class, () -> f.byteOffset(-1));
            assertThrows(IllegalArgumentException.class,
                    () -> f.setView(-1, Datatype.BYTE, Datatype.BYTE, File.NATIVE));
        }
    }

    @Test
    void aBufferTooSmallForTheCountIsRefused() {
        try (File f = create("small")) {
            MemorySegment b = MemorySegment.ofArray(new int[3]);
            assertThrows(IllegalArgumentException.class, () -> f.writeAt(0, b, 4, Datatype.INT));
            assertThrows(IllegalArgumentException.class, () -> f.readAt(0, b, 2, Datatype.DOUBLE));
            assertThrows(IllegalArgumentException.class, () -> f.iwrite(b, 13, Datatype.BYTE));
            assertThrows(IllegalArgumentException.class, () -> f.write(b, -1, Datatype.BYTE));
            assertEquals(0, f.size());
        }
    }

    @Test
    void aReadIntoReadOnlyMemoryIsRefused() {
        try (File f = create("rdonlymem")) {
            MemorySegment b = MemorySegment.ofArray(new byte[4]).asReadOnly();
            assertThrows(IllegalArgumentException.class, () -> f.readAt(0, b));
            assertThrows(IllegalArgumentException.class, () -> f.iread(b));
            f.writeAt(0, b); // writing from it is fine
        }
    }

    @Test
    void uncommittedOrFreedDatatypesAreRefused() {
        try (File f = create("uncommitted"); Datatype vector = Datatype.INT.vector(2, 1, 2)) {
            assertThrows(IllegalStateException.class, () -> f.setView(0, Datatype.INT, vector, File.NATIVE));
            assertThrows(IllegalStateException.class,
                    () -> f.writeAt(0, MemorySegment.ofArray(new int[4]), 1, vector));
            Datatype freed = Datatype.INT.contiguous(2).commit();
            freed.free();
            assertThrows(IllegalStateException.class, () -> f.setView(0, Datatype.INT, freed, File.NATIVE));
        }
    }

    @Test
    void splitCollectivesMustBeEndedOneAtATime() {
        try (Arena arena = Arena.ofConfined(); File f = create("split")) {
            MemorySegment b = arena.allocate(16);
            assertThrows(IllegalStateException.class, () -> f.writeAtAllEnd());
            f.writeAtAllBegin(16L * WORLD.rank(), b);
            assertThrows(IllegalStateException.class, () -> f.writeAllBegin(b));
            assertThrows(IllegalStateException.class, () -> f.readAtAllEnd());
            assertThrows(IllegalStateException.class, f::close);
            assertFalse(f.isFreed());
            f.writeAtAllEnd();
        }
    }
}
