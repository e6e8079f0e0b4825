package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.testing.MpiTest;

/** Error handlers as objects, Java handlers through upcalls, user error classes, codes and strings. */
@MpiTest
class ErrhandlerTest {
    private final Intracomm world = MPI.COMM_WORLD;

    @Test
    void everyMpi4jCommunicatorReturnsErrors() {
        assertSame(Errhandler.ERRORS_RETURN, world.getErrhandler());
        try (Intracomm dup = world.dup()) {
            assertSame(Errhandler.ERRORS_RETURN, dup.getErrhandler());
            dup.setErrhandler(Errhandler.ERRORS_ARE_FATAL);
            assertSame(Errhandler.ERRORS_ARE_FATAL, dup.getErrhandler());
            dup.setErrhandler(Errhandler.ERRORS_RETURN);
        }
        assertThrows(IllegalStateException.class, Errhandler.ERRORS_RETURN::free);
    }

    /** Sends 8 bytes to itself into a 4-byte buffer: MPI_ERR_TRUNCATE, found by MPI. */
    static void truncate(Comm comm) {
        try (Arena arena = Arena.ofConfined()) {
            Request send = comm.isend(arena.allocate(8), comm.rank(), 3);
            try {
                comm.recv(arena.allocate(4), comm.rank(), 3, null);
            } finally {
                send.waitFor();
            }
        }
    }

    @Test
    void aJavaHandlerSeesTheCommunicatorAndTheErrorOfAFailingCall() {
        List<Integer> codes = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        try (Intracomm dup = world.dup(); Errhandler eh = Errhandler.forComm((c, code) -> {
            codes.add(code);
            sizes.add(c.size());
        })) {
            dup.setErrhandler(eh);
            assertSame(eh, dup.getErrhandler());
            MpiException e = assertThrows(MpiException.class, () -> truncate(dup));
            assertEquals(ErrorClass.ERR_TRUNCATE, e.errorClass());
            assertEquals(List.of(e.errorCode()), codes);
            assertEquals(List.of(world.size()), sizes);
        }
    }

    @Test
    void callErrhandlerInvokesTheJavaHandlerAndRethrowsWhatItThrows() {
        List<Integer> codes = new ArrayList<>();
        try (Intracomm dup = world.dup(); Errhandler eh = Errhandler.forComm((c, code) -> {
            codes.add(code);
            if (code == ErrorClass.ERR_ARG.value()) {
                throw new IllegalStateException("handler refuses " + code);
            }
        })) {
            dup.setErrhandler(eh);
            dup.callErrhandler(ErrorClass.ERR_OTHER.value());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> dup.callErrhandler(ErrorClass.ERR_ARG.value()));
            assertTrue(e.getMessage().startsWith("handler refuses"));
            assertEquals(List.of(ErrorClass.ERR_OTHER.value(), ErrorClass.ERR_ARG.value()), codes);
        }
    }

    @Test
    void whatAJavaHandlerThrowsBecomesTheCauseOfTheMpiException() {
        try (Intracomm dup = world.dup(); Errhandler eh = Errhandler.forComm((c, code) -> {
            throw new UnsupportedOperationException("from the handler");
        })) {
            dup.setErrhandler(eh);
            MpiException e = assertThrows(MpiException.class, () -> truncate(dup));
            assertInstanceOf(UnsupportedOperationException.class, e.getCause());
        }
    }

    @Test
    void aFreedHandlerStaysWithItsCommunicator() {
        List<Integer> codes = new ArrayList<>();
        try (Intracomm dup = world.dup()) {
            Errhandler eh = Errhandler.forComm((c, code) -> codes.add(code));
            dup.setErrhandler(eh);
            eh.free();
            assertThrows(IllegalStateException.class, () -> dup.setErrhandler(eh));
            dup.callErrhandler(ErrorClass.ERR_OTHER.value());
            assertEquals(List.of(ErrorClass.ERR_OTHER.value()), codes);
            try (Errhandler back = dup.getErrhandler()) {
                assertNotEquals(Errhandler.ERRORS_RETURN, back);
            }
        }
    }

    @Test
    void userErrorClassesCodesAndStringsSurfaceInMpiException() {
        int cls = MPI.addErrorClass();
        int code = MPI.addErrorCode(cls);
        MPI.addErrorString(cls, "mylib: class of failures");
        MPI.addErrorString(code, "mylib: the widget broke");
        assertEquals("mylib: the widget broke", MPI.errorString(code));
        MpiException e = new MpiException(code, "mylib_widget");
        assertEquals(cls, e.errorClassValue());
        assertEquals(ErrorClass.UNKNOWN_CLASS, e.errorClass());
        assertEquals("mylib: the widget broke", e.errorString());
        assertTrue(e.getMessage().contains("mylib_widget: mylib: the widget broke"), e.getMessage());
        assertTrue(world.getAttr(Attribute.LASTUSEDCODE).getAsInt() >= code);
        // a library reports it through the communicator's handler
        List<String> seen = new ArrayList<>();
        try (Intracomm dup = world.dup();
                Errhandler eh = Errhandler.forComm((c, k) -> seen.add(MPI.errorString(k)))) {
            dup.setErrhandler(eh);
            dup.callErrhandler(code);
        }
        assertEquals(List.of("mylib: the widget broke"), seen);
        assertThrows(IllegalArgumentException.class, () -> MPI.addErrorString(code, "x".repeat(5000)));
    }

    @Test
    void javaArraysTravelThroughCopiesWhileAJavaHandlerIsSet() {
        boolean before = Downcalls.criticalAllowed();
        try (Errhandler eh = Errhandler.forComm((c, code) -> { })) {
            assertEquals(before, Downcalls.criticalAllowed(), "a handler set nowhere changes nothing");
            world.setErrhandler(eh);
            try {
                assertTrue(!Downcalls.criticalAllowed(), "no critical downcalls while MPI may call the handler");
                int n = world.size();
                int[] big = new int[100_000];
                java.util.Arrays.fill(big, world.rank());
                int[] sum = new int[big.length];
                world.allreduce(big, sum, Op.SUM);
                assertEquals(n * (n - 1) / 2, sum[big.length - 1]);
            } finally {
                world.setErrhandler(Errhandler.ERRORS_RETURN);
            }
            assertEquals(before, Downcalls.criticalAllowed(), "critical downcalls are back");
        }
        try (Intracomm dup = world.dup(); Errhandler eh = Errhandler.forComm((c, code) -> { })) {
            dup.setErrhandler(eh);
            assertTrue(!Downcalls.criticalAllowed());
            dup.free();
            assertEquals(before, Downcalls.criticalAllowed(), "freeing the communicator ends it too");
        }
    }
}
