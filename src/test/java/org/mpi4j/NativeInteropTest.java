package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Raw and Fortran handles of every handle class: round trips, ownership, foreign garbage refused. */
@MpiTest
class NativeInteropTest {
    private final Intracomm world = MPI.COMM_WORLD;

    @Test
    void predefinedCommunicatorsComeBackAsTheirConstants() {
        assertSame(MPI.COMM_WORLD, Comm.fromHandle(world.toHandle()));
        assertSame(MPI.COMM_SELF, Intracomm.fromHandle(MPI.COMM_SELF.toHandle()));
        assertSame(MPI.COMM_NULL, Comm.fromHandle(MPI.COMM_NULL.toHandle()));
        assertSame(MPI.COMM_WORLD, Comm.fromFortran(world.toFortran()));
        assertSame(MPI.COMM_SELF, Intracomm.fromFortran(MPI.COMM_SELF.toFortran()));
    }

    @Test
    void aRebuiltCommunicatorIsBorrowedAndWorks() {
        try (Intracomm dup = world.dup()) {
            Intracomm raw = Intracomm.fromHandle(dup.toHandle());
            Intracomm fortran = Intracomm.fromFortran(dup.toFortran());
            assertTrue(raw.isBorrowed());
            assertFalse(dup.isBorrowed());
            assertEquals(dup, raw);
            assertEquals(dup, fortran);
            assertEquals(world.rank(), raw.rank());
            assertEquals(world.size(), fortran.size());
            int[] sum = new int[1];
            raw.allreduce(new int[] {1}, sum, Op.SUM);
            assertEquals(world.size(), sum[0]);
            raw.close(); // borrowed: close leaves the communicator alone
            assertFalse(raw.isFreed());
            assertEquals(Comparison.CONGRUENT, dup.compare(world));
        }
    }

    @Test
    void freeOnABorrowedCommunicatorFreesItWhenTheCallerAsks() {
        Intracomm dup = world.dup();
        Intracomm raw = Intracomm.fromHandle(dup.toHandle());
        raw.free();
        assertTrue(raw.isFreed());
        assertThrows(IllegalStateException.class, raw::rank);
    }

    @Test
    void groupsDatatypesAndOpsRoundTrip() {
        try (Group g = world.group(); Datatype vec = Datatype.INT.vector(2, 1, 2).commit()) {
            Group rg = Group.fromHandle(g.toHandle());
            assertEquals(g.size(), rg.size());
            assertEquals(Comparison.IDENT, Group.fromFortran(g.toFortran()).compare(g));
            assertSame(Group.EMPTY, Group.fromHandle(Group.EMPTY.toHandle()));
            assertSame(Datatype.DOUBLE, Datatype.fromHandle(Datatype.DOUBLE.toHandle()));
            assertSame(Datatype.INT, Datatype.fromFortran(Datatype.INT.toFortran()));
            Datatype rv = Datatype.fromFortran(vec.toFortran());
            assertTrue(rv.isBorrowed());
            assertEquals(vec.size(), rv.size());
            assertEquals(vec.extent(), rv.extent());
            assertSame(Op.SUM, Op.fromHandle(Op.SUM.toHandle()));
            assertSame(Op.MAX, Op.fromFortran(Op.MAX.toFortran()));
        }
        try (Op op = Op.ofInts(Math::max, true)) {
            // a Java-bodied op comes back as itself, so that mpi4j knows MPI may call Java through it
            assertSame(op, Op.fromHandle(op.toHandle()));
            assertSame(op, Op.fromFortran(op.toFortran()));
        }
    }

    @Test
    void aRequestStartedElsewhereCompletesThroughMpi4j() {
        int[] out = {world.rank() + 100};
        int[] in = new int[1];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(4);
            Request recv = world.irecv(buf, world.rank(), 7);
            Request send = world.isend(out, world.rank(), 7);
            Request foreign = Request.fromFortran(recv.toFortran());
            assertTrue(foreign.isBorrowed());
            Status st = new Status();
            foreign.waitFor(st);
            send.waitFor();
            assertEquals(world.rank() + 100, buf.get(java.lang.foreign.ValueLayout.JAVA_INT, 0));
            assertEquals(world.rank(), st.source());
            assertSame(Request.NULL, Request.fromHandle(Request.NULL.toHandle()));
        }
        assertEquals(0, in[0]);
    }

    @Test
    void aMessageMatchedElsewhereIsReceivedThroughMpi4j() {
        world.send(new int[] {42, 43}, world.rank(), 9);
        Status st = new Status();
        Message m = world.mprobe(world.rank(), 9, st);
        Message again = Message.fromFortran(m.toFortran(), st.byteCount());
        int[] got = new int[2];
        again.mrecv(got, null);
        assertEquals(42, got[0]);
        assertEquals(43, got[1]);
    }

    @Test
    void infosRoundTrip() {
        try (Info info = Info.of(java.util.Map.of("key", "value"))) {
            Info raw = Info.fromHandle(info.toHandle());
            assertTrue(raw.isBorrowed());
            assertEquals(java.util.Optional.of("value"), Info.fromFortran(info.toFortran()).get("key"));
            assertSame(Info.NULL, Info.fromHandle(Info.NULL.toHandle()));
            assertSame(Info.ENV, Info.fromFortran(Info.ENV.toFortran()));
        }
        assertThrows(IllegalArgumentException.class, () -> Info.fromFortran(1_000_000));
    }

    @Test
    void errhandlersRoundTrip() {
        assertSame(Errhandler.ERRORS_RETURN, Errhandler.fromHandle(Errhandler.ERRORS_RETURN.toHandle()));
        assertSame(Errhandler.ERRORS_ARE_FATAL, Errhandler.fromFortran(Errhandler.ERRORS_ARE_FATAL.toFortran()));
    }

    @Test
    void theNullPointerAndForeignMemoryAreNotHandles() {
        assertThrows(IllegalArgumentException.class, () -> Comm.fromHandle(MemorySegment.NULL));
        assertThrows(NullPointerException.class, () -> Comm.fromHandle(null));
        assertThrows(IllegalArgumentException.class, () -> Datatype.fromHandle(MemorySegment.NULL));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment junk = arena.allocate(4096, 64);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Comm.fromHandle(junk));
            assertTrue(e.getMessage().contains("not a valid communicator handle"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Group.fromHandle(junk));
            assertThrows(IllegalArgumentException.class, () -> Datatype.fromHandle(junk));
            assertThrows(IllegalArgumentException.class, () -> Op.fromHandle(junk));
        }
    }

    @Test
    void fortranIntegersThatNameNothingAreRefused() {
        for (int bad : new int[] {-1, 1_000_000}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Comm.fromFortran(bad));
            assertTrue(e.getMessage().contains("not a valid Fortran communicator handle"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Group.fromFortran(bad));
            assertThrows(IllegalArgumentException.class, () -> Datatype.fromFortran(bad));
            assertThrows(IllegalArgumentException.class, () -> Op.fromFortran(bad));
            assertThrows(IllegalArgumentException.class, () -> Errhandler.fromFortran(bad));
            assertThrows(IllegalArgumentException.class, () -> Request.fromFortran(bad));
        }
    }

    @Test
    void aFreedObjectHasNoHandle() {
        Group g = world.group();
        int f = g.toFortran();
        assertNotEquals(-1, f);
        g.free();
        assertThrows(IllegalStateException.class, g::toHandle);
        assertThrows(IllegalStateException.class, g::toFortran);
    }

    @Test
    void windowsAndFilesHaveRawAndFortranHandles() throws Exception {
        try (Win w = Win.allocate(64, 1, world)) {
            assertEquals(w.toHandle(), org.mpi4j.ffi.mpi_h.MPI_Win_f2c(w.toFortran()));
        }
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("mpi4j-interop");
        java.nio.file.Path path = dir.resolve("f" + world.rank());
        try (File f = File.open(MPI.COMM_SELF, path, AccessMode.CREATE, AccessMode.RDWR)) {
            File raw = File.fromHandle(f.toHandle());
            File fortran = File.fromFortran(f.toFortran());
            assertTrue(raw.isBorrowed());
            assertEquals(f.amode(), fortran.amode());
            raw.close(); // borrowed: the file stays open
            assertFalse(f.isFreed());
            assertEquals(f.amode(), f.amode());
        } finally {
            java.nio.file.Files.deleteIfExists(path);
            java.nio.file.Files.deleteIfExists(dir);
        }
        assertThrows(IllegalArgumentException.class, () -> File.fromFortran(1_000_000));
        assertThrows(IllegalArgumentException.class, () -> File.fromHandle(MemorySegment.NULL));
    }

    @Test
    void aRebuiltWindowIsBorrowedAndWorks() {
        int n = world.size();
        int next = (world.rank() + 1) % n;
        try (Win win = Win.allocate(8L * n, 8, world); Arena arena = Arena.ofConfined()) {
            Win raw = Win.fromHandle(win.toHandle());
            Win fortran = Win.fromFortran(win.toFortran());
            assertTrue(raw.isBorrowed());
            assertFalse(win.isBorrowed());
            assertEquals(win, raw);
            assertEquals(win, fortran);
            assertEquals(win.segment().address(), raw.segment().address());
            assertEquals(8L * n, fortran.segment().byteSize());
            assertEquals(WinFlavor.ALLOCATE, raw.createFlavor());
            // one-sided traffic through the borrowed window lands in the owner's memory
            MemorySegment mine = arena.allocate(java.lang.foreign.ValueLayout.JAVA_LONG);
            mine.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, 1000L + world.rank());
            raw.fence();
            raw.put(mine, 1, Datatype.INT64_T, next, world.rank());
            raw.fence();
            int prev = (world.rank() + n - 1) % n;
            assertEquals(1000L + prev, win.segment().getAtIndex(java.lang.foreign.ValueLayout.JAVA_LONG, prev));
            raw.close(); // borrowed: the window stays
            fortran.close();
            assertFalse(win.isFreed());
            assertEquals(8L * n, win.size());
        }
    }

    @Test
    void typedCommunicatorHandlesComeBackAsTheirClassOrAreRefused() {
        int[] dims = Cartcomm.dimsCreate(world.size(), 1);
        try (Cartcomm cart = world.createCart(dims, new boolean[] {true}, false)) {
            Cartcomm raw = Cartcomm.fromHandle(cart.toHandle());
            assertTrue(raw.isBorrowed());
            assertEquals(cart.rank(), raw.rank());
            assertEquals(cart, Cartcomm.fromFortran(cart.toFortran()));
            assertEquals(cart, Intracomm.fromHandle(cart.toHandle()));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Graphcomm.fromHandle(cart.toHandle()));
            assertTrue(e.getMessage().contains("Graphcomm") && e.getMessage().contains("Cartcomm"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Intercomm.fromHandle(world.toHandle()));
        assertTrue(e.getMessage().contains("not an Intercomm"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Distgraphcomm.fromFortran(world.toFortran()));
    }

    @Test
    void anAddressWithNoMemoryBehindItIsRefusedForEveryHandleClass() {
        MemorySegment bogus = MemorySegment.ofAddress(12345);
        java.util.List<java.util.function.Function<MemorySegment, ?>> wraps = java.util.List.of(Comm::fromHandle,
                Intracomm::fromHandle, Intercomm::fromHandle, Cartcomm::fromHandle, Group::fromHandle,
                Datatype::fromHandle, Op::fromHandle, Request::fromHandle, h -> Message.fromHandle(h, 4),
                Info::fromHandle, Errhandler::fromHandle, Win::fromHandle, File::fromHandle);
        for (var wrap : wraps) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wrap.apply(bogus));
            assertTrue(e.getMessage().contains("0x3039 is not a valid"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> wrap.apply(MemorySegment.ofAddress(-4096)));
        }
        // MPI is still fine
        int[] sum = new int[1];
        world.allreduce(new int[] {1}, sum, Op.SUM);
        assertEquals(world.size(), sum[0]);
    }

    @Test
    void theNullWindowAndFileHandles() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Win.fromHandle(org.mpi4j.internal.OpenMpiAbi.predefined("MPI_WIN_NULL")));
        assertTrue(e.getMessage().contains("MPI_WIN_NULL"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Win.fromFortran(1_000_000));
        assertThrows(IllegalArgumentException.class, () -> Win.fromHandle(MemorySegment.NULL));
        assertSame(File.NULL, File.fromHandle(File.NULL.toHandle()));
        assertSame(File.NULL, File.fromFortran(File.NULL.toFortran()));
    }
}
