package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

@MpiTest
class ObjectCollectivesTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int last = size - 1;

    record Item(int from, int to, String text, long[] payload) {
    }

    private static Item item(int from, int to, int n) {
        long[] p = new long[n];
        for (int i = 0; i < n; i++) {
            p[i] = from * 1_000_000L + to * 1000L + i;
        }
        return new Item(from, to, from + "->" + to, p);
    }

    private static void check(Item it, int from, int to, int n) {
        assertEquals(from, it.from());
        assertEquals(to, it.to());
        assertEquals(from + "->" + to, it.text());
        assertEquals(n, it.payload().length);
        if (n > 0) {
            assertEquals(from * 1_000_000L + to * 1000L + n - 1, it.payload()[n - 1]);
        }
    }

    @Test
    void bcastGivesEveryProcessTheRootsObject() {
        Map<String, List<Integer>> m = rank == last ? new TreeMap<>(Map.of("a", List.of(1, 2), "b", List.of()))
                : null;
        Map<String, List<Integer>> got = world.bcastObject(m, last);
        assertEquals(Map.of("a", List.of(1, 2), "b", List.of()), got);
        if (rank == last) {
            assertSame(m, got);
        }
        Item big = world.bcastObject(rank == 0 ? item(0, 9, 300_000) : null, 0);
        check(big, 0, 9, 300_000);
        assertNull(world.bcastObject(null, 0));
    }

    @Test
    void scatterAndGatherGoThroughTheRoot() {
        List<Item> items = rank == 0 ? IntStream.range(0, size).mapToObj(i -> item(0, i, i * 10_000)).toList() : null;
        Item mine = world.scatterObject(items, 0);
        check(mine, 0, rank, rank * 10_000);
        List<Item> back = world.gatherObject(item(rank, last, 3), last);
        if (rank == last) {
            assertEquals(size, back.size());
            for (int i = 0; i < size; i++) {
                check(back.get(i), i, last, 3);
            }
        } else {
            assertNull(back);
        }
    }

    @Test
    void allgatherAndAlltoallExchangeEverything() {
        List<String> all = world.allgatherObject("rank " + rank);
        assertEquals(IntStream.range(0, size).mapToObj(i -> "rank " + i).toList(), all);
        List<Item> out = IntStream.range(0, size).mapToObj(j -> item(rank, j, 100 * j + rank)).toList();
        List<Item> in = world.alltoallObject(out);
        for (int i = 0; i < size; i++) {
            check(in.get(i), i, rank, 100 * rank + i);
        }
    }

    @Test
    void reductionsFoldInRankOrder() {
        // string concatenation is not commutative: the order shows
        String expectedAll = IntStream.range(0, size).mapToObj(Integer::toString).reduce("", String::concat);
        assertEquals(rank == 0 ? expectedAll : null, world.reduceObject(Integer.toString(rank), String::concat, 0));
        assertEquals(expectedAll, world.allreduceObject(Integer.toString(rank), String::concat));
        assertEquals(expectedAll.substring(0, rank + 1), world.scanObject(Integer.toString(rank), String::concat));
        String ex = world.exscanObject(Integer.toString(rank), String::concat);
        assertEquals(rank == 0 ? null : expectedAll.substring(0, rank), ex);
        List<Integer> merged = world.allreduceObject(List.of(rank), (a, b) -> {
            List<Integer> l = new ArrayList<>(a);
            l.addAll(b);
            return l;
        });
        assertEquals(IntStream.range(0, size).boxed().toList(), merged);
        assertEquals(size * (size - 1) / 2, (int) world.allreduceObject(rank, Integer::sum));
    }

    @Test
    void aRootThatCannotSerializeFailsEveryProcessWithoutAHang() {
        Object bad = rank == 0 ? List.of(Thread.currentThread()) : null;
        SerializationException e = assertThrows(SerializationException.class, () -> world.bcastObject(bad, 0));
        if (rank != 0) {
            assertTrue(e.getMessage().contains("another process"), e.getMessage());
        }
        Object worse = rank == last ? Thread.currentThread() : "fine";
        assertThrows(SerializationException.class, () -> world.gatherObject(worse, 0));
        assertThrows(SerializationException.class, () -> world.allgatherObject(worse));
        List<String> wrong = rank == 0 ? List.of("too", "many", "items", "for", "four", "ranks") : null;
        RuntimeException s = assertThrows(RuntimeException.class, () -> world.scatterObject(wrong, 0));
        assertTrue(rank == 0 ? s instanceof IllegalArgumentException : s instanceof SerializationException, s.toString());
        // the communicator still works
        assertEquals("ok", world.bcastObject(rank == 0 ? "ok" : null, 0));
        assertThrows(IllegalArgumentException.class, () -> world.bcastObject("x", size));
        assertThrows(NullPointerException.class, () -> world.alltoallObject(null));
    }

    @Test
    void dataOverTheChunkLimitTravelsInRounds() {
        // the path of objects over 2 GiB, proven with a limit of 1000 bytes instead of 1 GiB
        int saved = ObjectFrame.chunkLimit;
        world.barrier();
        ObjectFrame.chunkLimit = 1000;
        try {
            check(world.bcastObject(rank == last ? item(last, 1, 20_000) : null, last), last, 1, 20_000);
            List<Item> g = world.allgatherObject(item(rank, 0, 5_000 + rank));
            for (int i = 0; i < size; i++) {
                check(g.get(i), i, 0, 5_000 + i);
            }
            List<Item> a = world.alltoallObject(IntStream.range(0, size).mapToObj(j -> item(rank, j, 3000 * j)).toList());
            for (int i = 0; i < size; i++) {
                check(a.get(i), i, rank, 3000 * rank);
            }
            String s = world.allreduceObject("y".repeat(2500), String::concat);
            assertEquals(2500 * size, s.length());
            long[] arr = world.scatterObject(rank == 0 ? IntStream.range(0, size).mapToObj(i -> new long[9000 + i])
                    .toList() : null, 0);
            assertArrayEquals(new long[9000 + rank], arr);
        } finally {
            world.barrier();
            ObjectFrame.chunkLimit = saved;
        }
    }
}
