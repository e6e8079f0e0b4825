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
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

    record Pair(int i, double half) {
    }

    private <T> T trip(T value) {
        return world.sendrecvObject(value, next, 30, prev, 30, null);
    }

    /** The frame of {@code obj}, as the sender would send it. */
    private static byte[] encode(Object obj) {
        ObjectFrame f = ObjectFrame.obtain();
        try {
            return f.frame(f.encode(obj, true)).toArray(ValueLayout.JAVA_BYTE);
        } finally {
            f.release();
        }
    }

    /** Decodes a frame (without out-of-band parts) as the receiver would. */
    private static Object decode(byte[] frame) {
        ObjectFrame f = ObjectFrame.obtain();
        try {
            System.arraycopy(frame, 0, f.frameBuffer(frame.length), 0, frame.length);
            f.open(frame.length, 0, 0);
            return f.decode(0, 0);
        } finally {
            f.release();
        }
    }

    /** A message of every fast path: a map of leaf values, a uniform list of records, a mixed list. */
    private static Map<String, Object> sample(int id) {
        HashMap<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("b", 3.14);
        m.put("s", "hello " + id);
        m.put("long", Long.MAX_VALUE - id);
        m.put("flag", id % 2 == 0);
        m.put("utf", "\u00e9t\u00e9 " + "x".repeat(40));
        ArrayList<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pairs.add(new Pair(i + id, i * 0.5));
        }
        m.put("pairs", pairs);
        m.put("mixed", new ArrayList<>(Arrays.asList(1, "two", null, 3.0, new Pair(id, 0), (short) 4)));
        return m;
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

    @Test
    void theFastPathsWriteWhatKryosOwnReadsBack() throws Exception {
        // streams that are not mpi4j frames are read by Kryo's own code: same bytes, same objects
        KryoSerializer k = new KryoSerializer();
        Map<String, Object> m = sample(rank);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        k.serialize(m, bytes);
        assertEquals(m, k.deserialize(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(m, decode(encode(m)));
    }

    @Test
    void framesServeManyPlatformAndVirtualThreadsAtOnce() throws Exception {
        try (ExecutorService platform = Executors.newFixedThreadPool(3);
                ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 200; t++) {
                int id = t;
                results.add((t % 10 == 0 ? platform : virtual).submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        Map<String, Object> m = sample(id * 100 + i);
                        if (!m.equals(decode(encode(m)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        }
    }

    @Test
    void framesBeyondThePoolAreDroppedSafely() throws Exception {
        Thread t = Thread.ofVirtual().start(() -> {
            List<ObjectFrame> held = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ObjectFrame f = ObjectFrame.obtain();
                f.encode(sample(i), true);
                held.add(f);
            }
            held.forEach(ObjectFrame::release);
        });
        t.join();
        assertEquals(sample(5), decode(encode(sample(5))));
    }

    @Test
    void serializersCanBeSwitchedBackAndForth() {
        ObjectSerializer saved = ObjectSerializer.getDefault();
        KryoSerializer custom = new KryoSerializer().register(Money.class, new MoneySerializer());
        try {
            for (int i = 0; i < 4; i++) {
                ObjectSerializer.setDefault(custom);
                assertTrue(trip(new Money(i, false)).viaCustomSerializer);
                ObjectSerializer.setDefault(saved);
                Money m = trip(new Money(i, false));
                assertEquals(i, m.cents);
                assertTrue(!m.viaCustomSerializer, "the default serializer copies the field");
                assertEquals(sample(prev), trip(sample(rank)));
            }
        } finally {
            ObjectSerializer.setDefault(saved);
        }
    }

    @Test
    void anyCorruptByteIsASerializationExceptionOrAValue() {
        byte[] good = encode(sample(1));
        for (int at = ObjectFrame.HEADER; at < good.length; at++) {
            for (int v : new int[] {0, 1, 2, 3, 0x7F, 0x80, 0xFF}) {
                byte[] bad = good.clone();
                bad[at] = (byte) v;
                try {
                    decode(bad);
                } catch (SerializationException expected) {
                    // the receiver's one kind of failure
                }
            }
        }
        assertEquals(sample(1), decode(good));
    }
}
