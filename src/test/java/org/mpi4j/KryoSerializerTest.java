package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** The pluggable serializer: Kryo configuration, Java serialization, and thread safety. */
@MpiTest
class KryoSerializerTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;

    /** A class with a custom wire format: the serializer marks what it read. */
    static final class Money {
        final long cents;
        final boolean viaCustomSerializer;

        Money(long cents, boolean custom) {
            this.cents = cents;
            this.viaCustomSerializer = custom;
        }
    }

    static final class MoneySerializer extends Serializer<Money> {
        @Override
        public void write(Kryo kryo, Output output, Money m) {
            output.writeVarLong(m.cents, true);
        }

        @Override
        public Money read(Kryo kryo, Input input, Class<? extends Money> type) {
            return new Money(input.readVarLong(true), true);
        }
    }

    record Tagged(String tag, double[] values) implements Serializable {
    }

    static final class NotSerializable {
        int x = 1;
    }

    private <T> T trip(T value) {
        return world.sendrecvObject(value, next, 30, prev, 30, null);
    }

    @Test
    void kryoIsTheDefault() {
        assertInstanceOf(KryoSerializer.class, ObjectSerializer.getDefault());
    }

    @Test
    void registeredClassesAndCustomSerializersAreUsed() {
        ObjectSerializer saved = ObjectSerializer.getDefault();
        KryoSerializer custom = new KryoSerializer().register(Tagged.class).register(Money.class, new MoneySerializer())
                .configure(k -> k.setMaxDepth(1000));
        ObjectSerializer.setDefault(custom);
        try {
            Money m = trip(new Money(12_345 + rank, false));
            assertEquals(12_345 + prev, m.cents);
            assertTrue(m.viaCustomSerializer);
            Tagged t = trip(new Tagged("t" + rank, new double[] {rank}));
            assertEquals("t" + prev, t.tag());
            assertArrayEquals(new double[] {prev}, t.values());
        } finally {
            ObjectSerializer.setDefault(saved);
        }
    }

    @Test
    void javaSerializationCanBeSwappedIn() {
        ObjectSerializer saved = ObjectSerializer.getDefault();
        ObjectSerializer.setDefault(new JavaSerializer());
        try {
            Tagged t = trip(new Tagged("j" + rank, new double[100_000]));
            assertEquals("j" + prev, t.tag());
            assertEquals(100_000, t.values().length);
            assertEquals(Map.of("k", List.of(prev)), trip(Map.of("k", List.of(rank))));
            SerializationException e = assertThrows(SerializationException.class,
                    () -> world.sendObject(new NotSerializable(), next, 31));
            assertInstanceOf(NotSerializableException.class, e.getCause());
            assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
            assertEquals(List.of(prev), trip(List.of(rank)));
        } finally {
            ObjectSerializer.setDefault(saved);
        }
        assertSame(saved, ObjectSerializer.getDefault());
        assertThrows(NullPointerException.class, () -> ObjectSerializer.setDefault(null));
    }

    @Test
    void oneSerializerServesManyThreadsAtOnce() throws Exception {
        KryoSerializer k = new KryoSerializer();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        Object value = Map.of("thread", id, "i", i, "data", new double[] {id, i},
                                "list", List.of(new Tagged("x" + i, new double[70_000])));
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        k.serialize(value, bytes);
                        Map<?, ?> back = (Map<?, ?>) k.deserialize(new ByteArrayInputStream(bytes.toByteArray()));
                        if (!back.get("thread").equals(id) || !back.get("i").equals(i)
                                || ((double[]) back.get("data"))[1] != i) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
