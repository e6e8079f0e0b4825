package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/**
 * Error handlers on windows and files: the predefined ones, Java handlers that MPI calls with the
 * window or file and the error code, the default file handler that open and delete report to, and
 * handlers of the wrong kind refused before MPI is called.
 */
@MpiTest
class WinFileErrhandlerTest {
    private final Intracomm world = MPI.COMM_WORLD;
    /** A file of this process alone (opened on COMM_SELF), 16 bytes long. */
    private Path path;

    @BeforeEach
    void createFile() throws IOException {
        path = Files.createTempFile("mpi4j-errh", ".bin");
        Files.write(path, new byte[16]);
    }

    @AfterEach
    void deleteFile() throws IOException {
        Files.deleteIfExists(path);
    }

    @Test
    void windowsAndFilesReturnErrorsByDefault() {
        try (Win win = Win.allocate(64, 1, world); File f = File.open(MPI.COMM_SELF, path, AccessMode.RDWR)) {
            assertSame(Errhandler.ERRORS_RETURN, win.getErrhandler());
            assertSame(Errhandler.ERRORS_RETURN, f.getErrhandler());
            assertSame(Errhandler.ERRORS_RETURN, File.getDefaultErrhandler());
            win.setErrhandler(Errhandler.ERRORS_ARE_FATAL);
            assertSame(Errhandler.ERRORS_ARE_FATAL, win.getErrhandler());
            win.setErrhandler(Errhandler.ERRORS_RETURN);
            f.setErrhandler(Errhandler.ERRORS_ARE_FATAL);
            assertSame(Errhandler.ERRORS_ARE_FATAL, f.getErrhandler());
            f.setErrhandler(Errhandler.ERRORS_RETURN);
        }
    }

    @Test
    void aJavaWindowHandlerReceivesTheWindowAndTheCode() {
        List<Win> wins = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        try (Win win = Win.allocate(64, 8, world); Errhandler eh = Errhandler.forWin((w, code) -> {
            wins.add(w);
            codes.add(code);
        })) {
            win.setErrhandler(eh);
            assertSame(eh, win.getErrhandler());
            win.callErrhandler(ErrorClass.ERR_OTHER.value());
            assertEquals(List.of(ErrorClass.ERR_OTHER.value()), codes);
            Win seen = wins.get(0);
            assertTrue(seen.isBorrowed());
            assertEquals(win, seen);
            assertEquals(win.segment().address(), seen.segment().address());
            assertEquals(64, seen.size());
            win.setErrhandler(Errhandler.ERRORS_RETURN);
        }
    }

    @Test
    void aFailingWindowCallRunsTheJavaHandlerThenThrowsWithWhatItThrewAsCause() {
        List<Integer> codes = new ArrayList<>();
        try (Win win = Win.allocate(64, 8, world); Errhandler eh = Errhandler.forWin((w, code) -> {
            codes.add(code);
            throw new IllegalStateException("window handler saw " + code);
        })) {
            win.setErrhandler(eh);
            if (world.size() == 1) {
                // Open MPI's one-process window component does not check passive-target sync
                win.flush(0);
                assertEquals(List.of(), codes);
            } else {
                MpiException e = assertThrows(MpiException.class, () -> win.flush(0)); // no lock: MPI finds it
                assertEquals(ErrorClass.ERR_RMA_SYNC, e.errorClass());
                assertEquals(List.of(e.errorCode()), codes);
                assertInstanceOf(IllegalStateException.class, e.getCause());
            }
            // a handler that throws on purpose: callErrhandler rethrows it
            IllegalStateException t = assertThrows(IllegalStateException.class,
                    () -> win.callErrhandler(ErrorClass.ERR_ARG.value()));
            assertEquals("window handler saw " + ErrorClass.ERR_ARG.value(), t.getMessage());
            win.setErrhandler(Errhandler.ERRORS_RETURN);
        }
    }

    @Test
    void aFailingFileCallRunsTheJavaHandlerWithTheFileThenThrows() {
        List<File> files = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        try (File f = File.open(MPI.COMM_SELF, path, AccessMode.RDONLY); Errhandler eh = Errhandler.forFile((file,
                code) -> {
            files.add(file);
            codes.add(code);
        })) {
            f.setErrhandler(eh);
            assertSame(eh, f.getErrhandler());
            MemorySegment bytes = MemorySegment.ofArray(new byte[8]);
            MpiException e = assertThrows(MpiException.class, () -> f.writeAt(0, bytes));
            assertEquals(ErrorClass.ERR_READ_ONLY, e.errorClass());
            assertEquals(List.of(e.errorCode()), codes);
            assertEquals(f, files.get(0));
            assertTrue(files.get(0).isBorrowed());
            assertEquals(f.amode(), files.get(0).amode());
            f.callErrhandler(ErrorClass.ERR_IO.value());
            assertEquals(ErrorClass.ERR_IO.value(), codes.get(1));
            f.setErrhandler(Errhandler.ERRORS_RETURN);
        }
    }

    @Test
    void openAndDeleteReportToTheDefaultFileHandler() throws IOException {
        Path missing = path.resolveSibling(path.getFileName() + ".missing");
        List<File> files = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        try (Errhandler eh = Errhandler.forFile((file, code) -> {
            files.add(file);
            classes.add(new MpiException(code, "handler").errorClassValue());
            throw new UnsupportedOperationException("default handler");
        })) {
            File.setDefaultErrhandler(eh);
            try {
                assertSame(eh, File.getDefaultErrhandler());
                assertSame(eh, File.NULL.getErrhandler());
                MpiException e = assertThrows(MpiException.class, () -> File.open(MPI.COMM_SELF, missing,
                        AccessMode.RDONLY));
                assertEquals(ErrorClass.ERR_NO_SUCH_FILE, e.errorClass());
                assertInstanceOf(UnsupportedOperationException.class, e.getCause());
                assertEquals(List.of(File.NULL), files);
                assertEquals(List.of(ErrorClass.ERR_NO_SUCH_FILE.value()), classes);
                // a file opened meanwhile still gets mpi4j's handler, not the default one
                try (File f = File.open(MPI.COMM_SELF, path, AccessMode.RDONLY)) {
                    assertSame(Errhandler.ERRORS_RETURN, f.getErrhandler());
                }
            } finally {
                File.setDefaultErrhandler(Errhandler.ERRORS_RETURN);
            }
            assertSame(Errhandler.ERRORS_RETURN, File.getDefaultErrhandler());
            MpiException e = assertThrows(MpiException.class, () -> File.open(MPI.COMM_SELF, missing,
                    AccessMode.RDONLY));
            assertEquals(ErrorClass.ERR_NO_SUCH_FILE, e.errorClass());
            assertEquals(1, files.size(), "the Java handler is no longer called");
        }
    }

    @Test
    void aHandlerOfTheWrongKindIsRefusedNamingBothKinds() {
        try (Win win = Win.allocate(64, 1, world); File f = File.open(MPI.COMM_SELF, path, AccessMode.RDWR);
                Errhandler forComm = Errhandler.forComm((c, code) -> { });
                Errhandler forWin = Errhandler.forWin((w, code) -> { });
                Errhandler forFile = Errhandler.forFile((file, code) -> { })) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> win.setErrhandler(forComm));
            assertTrue(e.getMessage().contains("communicators") && e.getMessage().contains("windows"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> f.setErrhandler(forComm));
            assertTrue(e.getMessage().contains("communicators") && e.getMessage().contains("files"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> world.setErrhandler(forFile));
            assertTrue(e.getMessage().contains("files") && e.getMessage().contains("communicators"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> f.setErrhandler(forWin));
            assertTrue(e.getMessage().contains("windows") && e.getMessage().contains("files"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> File.setDefaultErrhandler(forComm));
            assertThrows(IllegalArgumentException.class, () -> win.setErrhandler(forFile));
            // refused before MPI was called: every object keeps its handler
            assertSame(Errhandler.ERRORS_RETURN, win.getErrhandler());
            assertSame(Errhandler.ERRORS_RETURN, f.getErrhandler());
            assertSame(Errhandler.ERRORS_RETURN, world.getErrhandler());
            assertSame(Errhandler.ERRORS_RETURN, File.getDefaultErrhandler());
            assertThrows(NullPointerException.class, () -> win.setErrhandler(null));
            assertThrows(NullPointerException.class, () -> Errhandler.forWin(null));
            assertThrows(NullPointerException.class, () -> Errhandler.forFile(null));
        }
    }

    @Test
    void theNullFileCannotBeClosedAndJavaHandlersComeBackAsThemselves() {
        assertTrue(File.NULL.isNull());
        assertThrows(IllegalStateException.class, File.NULL::close);
        try (Errhandler forWin = Errhandler.forWin((w, code) -> { })) {
            assertSame(forWin, Errhandler.fromHandle(forWin.toHandle()));
            assertSame(forWin, Errhandler.fromFortran(forWin.toFortran()));
        }
    }
}
