package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Object reductions up a binomial tree: the left fold's result at every root, failures everywhere. */
@MpiTest
class ObjectTreeTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();

    @Test
    void aNonCommutativeReductionKeepsRankOrderAtEveryRoot() {
        String all = IntStream.range(0, size).mapToObj(Integer::toString).collect(Collectors.joining());
        for (int root = 0; root < size; root++) {
            String r = ObjectTree.reduce(world, Integer.toString(rank), String::concat, root);
            assertEquals(rank == root ? all : null, r);
        }
        assertEquals(all, ObjectTree.allreduce(world, Integer.toString(rank), String::concat));
        List<Integer> merged = ObjectTree.allreduce(world, List.of(rank, rank), (a, b) -> {
            List<Integer> l = new ArrayList<>(a);
            l.addAll(b);
            return l;
        });
        assertEquals(IntStream.range(0, size).flatMap(i -> IntStream.of(i, i)).boxed().toList(), merged);
        assertEquals(size * (size - 1) / 2, (int) ObjectTree.allreduce(world, rank, Integer::sum));
    }

    @Test
    void aFailingOperatorFailsEveryProcessWithoutAHang() {
        // rank 0 combines in every tree of two or more processes; alone, the operator never runs
        java.util.function.BinaryOperator<Integer> op = (a, b) -> {
            if (rank == 0) {
                throw new IllegalArgumentException("refused at 0");
            }
            return a + b;
        };
        if (size == 1) {
            assertEquals(0, (int) ObjectTree.allreduce(world, rank, op));
        } else {
            RuntimeException e = assertThrows(RuntimeException.class, () -> ObjectTree.allreduce(world, rank, op));
            assertEquals(rank == 0 ? "refused at 0" : null, rank == 0 ? e.getMessage() : null);
            if (rank != 0) {
                assertTrue(e.getMessage().contains("failed on another process"), e.getMessage());
            }
        }
        assertEquals(7, (int) ObjectTree.allreduce(world, 7, Math::max)); // still in step afterwards
    }

    @Test
    void anUnserializablePartialFailsWithoutAHang() {
        int bad = size - 1;
        Object mine = rank == bad && size > 1 ? new Object[] {Thread.currentThread()} : "ok";
        if (size == 1) {
            assertEquals("ok", ObjectTree.reduce(world, mine, (a, b) -> a, 0));
            return;
        }
        // the failing process and the root learn of it; allreduce tells everyone
        if (rank == bad || rank == 0) {
            assertThrows(SerializationException.class, () -> ObjectTree.reduce(world, mine, (a, b) -> a, 0));
        } else {
            assertEquals(null, ObjectTree.reduce(world, mine, (a, b) -> a, 0));
        }
        assertThrows(SerializationException.class, () -> ObjectTree.allreduce(world, mine, (a, b) -> a));
        Integer sum = ObjectTree.reduce(world, rank, Integer::sum, bad);
        assertEquals(rank == bad ? size * (size - 1) / 2 : null, sum);
    }

    @Test
    void theCachedPrivateCommunicatorGoesWithItsCommunicator() {
        for (int i = 0; i < 3; i++) {
            try (Intracomm comm = world.dup()) {
                assertEquals(size, (int) comm.allreduceObject(1, Integer::sum));
                assertEquals(size, (int) comm.allreduceObject(1, Integer::sum)); // the cached duplicate
            } // freeing comm frees its private duplicate from the attribute's deleter
        }
    }
}
