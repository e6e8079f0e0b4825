package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** idup, dupWithInfo, Status setters, pcontrol, address arithmetic. */
@MpiTest
class EnvironmentExtrasTest {
    private final Intracomm world = MPI.COMM_WORLD;

    @Test
    void idupGivesAWorkingCommunicatorWithCopiedAttributesOnceComplete() {
        try (Keyval<String> key = Keyval.forComm(v -> v + "+", null)) {
            world.setAttr(key, "w");
            Intracomm.Duplicate d = world.idup();
            d.request().waitFor();
            try (Intracomm comm = d.comm()) {
                assertEquals(world.size(), comm.size());
                assertEquals(Comparison.CONGRUENT, comm.compare(world));
                int[] sum = new int[1];
                comm.allreduce(new int[] {comm.rank()}, sum, Op.SUM);
                assertEquals(world.size() * (world.size() - 1) / 2, sum[0]);
                assertEquals(Optional.of("w+"), comm.getAttr(key));
                assertEquals(Errhandler.ERRORS_RETURN, comm.getErrhandler());
            }
            world.deleteAttr(key);
        }
    }

    @Test
    void anIdupCommunicatorIsRefusedUntilItsRequestCompletes() throws Exception {
        Intracomm.Duplicate d = world.idup();
        if (!d.request().isComplete()) {
            // Open MPI completes an idup only in later calls: before that, the new one is not usable
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.comm().rank());
            assertTrue(e.getMessage().contains("not ready"), e.getMessage());
        }
        d.request().toCompletableFuture().get();
        assertEquals(world.rank(), d.comm().rank());
        d.comm().free();
    }

    @Test
    void dupWithInfoTakesTheHints() {
        try (Info info = Info.of(Map.of("mpi_assert_no_any_tag", "true")); Intracomm comm = world.dupWithInfo(info);
                Intracomm plain = world.dupWithInfo(null)) {
            assertEquals(Comparison.CONGRUENT, comm.compare(world));
            assertEquals(world.size(), plain.size());
            try (Info got = comm.getInfo()) {
                assertTrue(got.size() >= 0);
            }
        }
    }

    @Test
    void statusSettersSetEveryField() {
        Status st = new Status().setSource(2).setTag(11).setError(0).setCancelled(true)
                .setElements(Datatype.DOUBLE, 6);
        assertEquals(2, st.source());
        assertEquals(11, st.tag());
        assertEquals(0, st.error());
        assertTrue(st.isCancelled());
        assertEquals(48, st.byteCount());
        assertEquals(6, st.getCount(Datatype.DOUBLE));
        try (Datatype pair = Datatype.INT.contiguous(2).commit()) {
            st.setElements(pair, 5);
            assertEquals(5, st.getElements(pair));
            assertEquals(20, st.byteCount());
        }
        assertThrows(IllegalArgumentException.class, () -> st.setElements(Datatype.INT, -1));
    }

    @Test
    void pcontrolWithoutAProfilerDoesNothing() {
        MPI.pcontrol(0);
        MPI.pcontrol(1);
        MPI.pcontrol(2);
    }

    @Test
    void addressArithmeticBuildsAStructTypeOverASegment() {
        StructLayout layout = MemoryLayout.structLayout(ValueLayout.JAVA_INT.withName("id"),
                MemoryLayout.paddingLayout(4), ValueLayout.JAVA_DOUBLE.withName("value"),
                ValueLayout.JAVA_LONG.withName("count"));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment rec = arena.allocate(layout);
            long base = MPI.getAddress(rec);
            long idAt = MPI.getAddress(rec.asSlice(0, 4));
            long valueAt = MPI.getAddress(rec.asSlice(8, 8));
            long countAt = MPI.aintAdd(base, 16);
            assertEquals(rec.address(), base);
            assertEquals(8, MPI.aintDiff(valueAt, base));
            try (Datatype t = Datatype.struct(new int[] {1, 1, 1},
                    new long[] {MPI.aintDiff(idAt, base), MPI.aintDiff(valueAt, base), MPI.aintDiff(countAt, base)},
                    new Datatype[] {Datatype.INT32_T, Datatype.DOUBLE, Datatype.INT64_T}).commit()) {
                if (world.rank() == 0) {
                    rec.set(ValueLayout.JAVA_INT, 0, 7);
                    rec.set(ValueLayout.JAVA_DOUBLE, 8, 2.5);
                    rec.set(ValueLayout.JAVA_LONG, 16, 1L << 40);
                }
                world.bcast(rec, 1, t, 0);
                assertEquals(7, rec.get(ValueLayout.JAVA_INT, 0));
                assertEquals(2.5, rec.get(ValueLayout.JAVA_DOUBLE, 8));
                assertEquals(1L << 40, rec.get(ValueLayout.JAVA_LONG, 16));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> MPI.getAddress(MemorySegment.ofArray(new int[2])));
    }
}
