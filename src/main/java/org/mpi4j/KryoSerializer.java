package org.mpi4j;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * The default {@link ObjectSerializer}: <a href="https://github.com/EsotericSoftware/kryo">Kryo</a>,
 * set up for messages between processes running the same program.
 *
 * <ul>
 * <li>Any class can be sent without registration (its name travels with the first instance in a
 * message); {@link #register(Class)} makes a class cheaper to send. Registration order decides the
 * ids, so every process must register the same classes in the same order.</li>
 * <li>References are tracked: shared and cyclic object graphs arrive with the same shape.</li>
 * <li>Records, enums, {@code List.of}/{@code Set.of}/{@code Map.of}, {@code Optional} and
 * {@code java.time} values have serializers of their own; other classes are serialized field by
 * field, created without calling a constructor. Nothing needs {@code --add-opens} as long as the
 * classes belong to the program (the class path, or a module open to Kryo).</li>
 * <li>Primitive arrays and {@link MemorySegment}s of 64 KiB and more inside a message travel out of
 * band, as messages of their own, without being copied into the serialized bytes. A segment
 * arrives as a native segment in automatically managed memory.</li>
 * </ul>
 *
 * <p>Kryo instances are not thread-safe; each of mpi4j's message buffers keeps one, and this class
 * keeps a pool for other streams, so one serializer serves any number of threads. Configure it
 * ({@link #register}, {@link #addDefaultSerializer}, {@link #configure}) before the first message;
 * a change discards the instances made before it.
 */
public final class KryoSerializer implements ObjectSerializer {
    static {
        // Kryo's sun.misc.Unsafe paths print a deprecation warning on JDK 24+; mpi4j copies arrays
        // itself, so Kryo's safe paths do (a user may still set -Dkryo.unsafe=true)
        if (System.getProperty("kryo.unsafe") == null) {
            System.setProperty("kryo.unsafe", "false");
        }
    }

    private final List<Consumer<Kryo>> configuration = new CopyOnWriteArrayList<>();
    private volatile int generation;

    /** A Kryo instance of this serializer, built for configuration {@code generation}. */
    private record Entry(KryoSerializer owner, Kryo kryo, int generation, int fingerprint)
            implements ObjectFrame.SerializerState {
        @Override
        public void dropped() {
            owner.recycle(this);
        }
    }

    /** Instances for streams that are not mpi4j frames (a frame keeps its own instance). */
    private final Pool<Entry> pool = new Pool<>(true, false, 256) {
        @Override
        protected Entry create() {
            int g = generation;
            Kryo k = newKryo();
            return new Entry(KryoSerializer.this, k, g, fingerprint(k));
        }
    };

    /** A serializer with mpi4j's default Kryo set-up. */
    public KryoSerializer() {
    }

    /** Registers {@code type} with Kryo's next free id (the same order on every process). */
    public KryoSerializer register(Class<?> type) {
        Errors.checkNotNull(type, "type");
        return configure(k -> k.register(type));
    }

    /**
     * Registers {@code type} with its own Kryo serializer. The serializer instance is shared by
     * all pooled Kryo instances, so it must be stateless; use {@link #configure} otherwise.
     */
    public <T> KryoSerializer register(Class<T> type, Serializer<T> serializer) {
        Errors.checkNotNull(type, "type");
        Errors.checkNotNull(serializer, "serializer");
        return configure(k -> k.register(type, serializer));
    }

    /** Uses {@code serializer} for {@code type} and its subtypes, without registering an id. */
    public <T> KryoSerializer addDefaultSerializer(Class<T> type, Serializer<? extends T> serializer) {
        Errors.checkNotNull(type, "type");
        Errors.checkNotNull(serializer, "serializer");
        return configure(k -> k.addDefaultSerializer(type, serializer));
    }

    /** Runs {@code action} on every Kryo instance this serializer creates, after mpi4j's own set-up. */
    public KryoSerializer configure(Consumer<Kryo> action) {
        configuration.add(Errors.checkNotNull(action, "action"));
        generation++;
        pool.clear();
        return this;
    }

    @Override
    public void serialize(Object obj, OutputStream out) throws IOException {
        ObjectFrame frame = out instanceof ObjectFrame.FrameOutput fo ? fo.frame : null;
        Entry e = take(frame);
        boolean done = false;
        try {
            if (out instanceof ObjectFrame.FrameOutput fo) {
                fo.fingerprint = e.fingerprint;
            }
            if (out instanceof Output o) {
                e.kryo.writeClassAndObject(o, obj);
            } else {
                Output o = new Output(Objects.requireNonNull(out, "out"), 4096);
                e.kryo.writeClassAndObject(o, obj);
                o.flush();
            }
            done = true;
        } finally {
            give(e, frame, done);
        }
    }

    @Override
    public Object deserialize(InputStream in) throws IOException {
        ObjectFrame frame = in instanceof ObjectFrame.FrameInput fi ? fi.frame : null;
        Entry e = take(frame);
        boolean done = false;
        try {
            if (in instanceof ObjectFrame.FrameInput fi && fi.fingerprint != 0 && fi.fingerprint != e.fingerprint) {
                // ids would silently name other classes (RecA arriving as RecB)
                throw new KryoException("the sender's Kryo registrations differ from this process's (fingerprint "
                        + Integer.toHexString(fi.fingerprint) + " vs " + Integer.toHexString(e.fingerprint) + "):"
                        + " every process must register the same classes, with the same serializers, in the same order");
            }
            Input input = in instanceof Input i ? i : new Input(Objects.requireNonNull(in, "in"));
            Object obj = e.kryo.readClassAndObject(input);
            done = true;
            return obj;
        } finally {
            give(e, frame, done);
        }
    }

    /** The instance {@code frame} keeps for this serializer, else one from the pool. */
    private Entry take(ObjectFrame frame) {
        if (frame != null && frame.serializerState instanceof Entry e && e.owner == this
                && e.generation == generation) {
            frame.serializerState = null;
            return e;
        }
        return pool.obtain();
    }

    /** Hands {@code e} back after an operation: to {@code frame} when there is one, else to the pool. */
    private void give(Entry e, ObjectFrame frame, boolean done) {
        if (!done) {
            // a failed operation may leave state behind that reset() does not clear (Kryo's reference stack)
            return;
        }
        e.kryo.reset();
        if (frame == null) {
            recycle(e);
            return;
        }
        if (frame.serializerState != null) {
            // another serializer's state goes back to it, ready for when that one is used again
            frame.serializerState.dropped();
        }
        frame.serializerState = e;
    }

    private void recycle(Entry e) {
        if (e.generation == generation) {
            pool.free(e);
        }
    }

    @Override
    public String toString() {
        return "KryoSerializer";
    }

    /**
     * A hash of {@code k}'s registrations (id, class name, serializer class), never 0: frames carry
     * it so that a receiver whose registrations differ refuses the message instead of decoding one
     * class as another.
     */
    static int fingerprint(Kryo k) {
        int h = 0x2545F491;
        int end = k.getNextRegistrationId();
        for (int id = 0; id < end; id++) {
            Registration r = k.getClassResolver().getRegistration(id);
            if (r != null) {
                h = 31 * (31 * (31 * h + id) + r.getType().getName().hashCode())
                        + r.getSerializer().getClass().getName().hashCode();
            }
        }
        return h == 0 ? 1 : h;
    }

    private Kryo newKryo() {
        MpiKryo k = new MpiKryo();
        k.setRegistrationRequired(false);
        k.setWarnUnregisteredClasses(false);
        k.setReferences(true);
        k.setReferenceResolver(new ValueAwareReferences());
        k.addDefaultSerializer(Record.class, new RecordSerializerFactory());
        k.setClassLoader(ContextLoader.INSTANCE);
        k.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        k.register(byte[].class, new ArraySerializer(ObjectFrame.BYTES));
        k.register(short[].class, new ArraySerializer(ObjectFrame.SHORTS));
        k.register(char[].class, new ArraySerializer(ObjectFrame.CHARS));
        k.register(int[].class, new ArraySerializer(ObjectFrame.INTS));
        k.register(long[].class, new ArraySerializer(ObjectFrame.LONGS));
        k.register(float[].class, new ArraySerializer(ObjectFrame.FLOATS));
        k.register(double[].class, new ArraySerializer(ObjectFrame.DOUBLES));
        k.addDefaultSerializer(MemorySegment.class, new SegmentSerializer());
        // JDK classes that Kryo would serialize field by field, which needs --add-opens java.base
        k.register(java.util.UUID.class, new UuidSerializer());
        WrapperSerializer.addTo(k);
        // the common JDK types get ids, so that their names need not travel
        for (Class<?> c : COMMON) {
            Serializer<?> fast = ContainerSerializer.forClass(c);
            if (fast != null) {
                k.register(c, fast);
            } else {
                k.register(c);
            }
        }
        // serializable lambdas and method references (as SerializedLambda: the capturing class
        // must exist on the receiver), which executor tasks are most of the time
        k.register(ClosureSerializer.Closure.class, new LambdaSerializer());
        for (Consumer<Kryo> c : configuration) {
            c.accept(k);
        }
        k.enableLeaves();
        // every message is a graph of its own: one reset after each, by give(), not a second one by Kryo
        k.setAutoReset(false);
        return k;
    }

    private static final Class<?>[] COMMON = {
        Object[].class, String[].class, boolean[].class, java.util.ArrayList.class, java.util.LinkedList.class,
        java.util.HashMap.class, java.util.LinkedHashMap.class, java.util.TreeMap.class, java.util.HashSet.class,
        java.util.LinkedHashSet.class, java.util.TreeSet.class, java.util.ArrayDeque.class,
        List.of().getClass(), List.of(1).getClass(), List.of(1, 2, 3).getClass(), java.util.Set.of().getClass(),
        java.util.Set.of(1).getClass(), java.util.Set.of(1, 2, 3).getClass(), java.util.Map.of().getClass(),
        java.util.Map.of(1, 1).getClass(), java.util.Map.of(1, 1, 2, 2).getClass(), java.util.Optional.class,
        java.math.BigInteger.class, java.math.BigDecimal.class, java.time.Instant.class,
        java.time.Duration.class, java.time.LocalDate.class, java.time.LocalTime.class, java.time.LocalDateTime.class,
        java.time.ZonedDateTime.class, java.time.OffsetDateTime.class,
    };

    /** Resolves classes through the current thread's context loader first (programs run by org.mpi4j.Run). */
    private static final class ContextLoader extends ClassLoader {
        static final ContextLoader INSTANCE = new ContextLoader();

        private ContextLoader() {
            super(KryoSerializer.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null && context != this) {
                try {
                    return Class.forName(name, false, context);
                } catch (ClassNotFoundException e) {
                    // not the program's: fall back to mpi4j's loader
                }
            }
            return super.loadClass(name, resolve);
        }
    }

    /**
     * Primitive arrays: inline (bulk-copied) when small, out of band when large. The length and an
     * out-of-band flag share one varint.
     */
    private static final class ArraySerializer extends Serializer<Object> {
        private final byte kind;

        ArraySerializer(byte kind) {
            this.kind = kind;
        }

        @Override
        public void write(Kryo kryo, Output output, Object array) {
            int n = java.lang.reflect.Array.getLength(array);
            if (output instanceof ObjectFrame.FrameOutput fo) {
                int index = fo.offer(array, ObjectFrame.byteSize(kind, n));
                if (index >= 0) {
                    output.writeVarLong(((long) n << 1) | 1, true);
                    output.writeVarInt(index, true);
                } else {
                    output.writeVarLong((long) n << 1, true);
                    fo.writeSegment(ObjectFrame.segmentOf(array));
                }
                return;
            }
            output.writeVarLong((long) n << 1, true);
            switch (array) {
                case byte[] a -> output.writeBytes(a);
                case short[] a -> output.writeShorts(a, 0, a.length);
                case char[] a -> output.writeChars(a, 0, a.length);
                case int[] a -> output.writeInts(a, 0, a.length);
                case long[] a -> output.writeLongs(a, 0, a.length);
                case float[] a -> output.writeFloats(a, 0, a.length);
                case double[] a -> output.writeDoubles(a, 0, a.length);
                default -> throw new KryoException("not a primitive array: " + array.getClass());
            }
        }

        @Override
        public Object read(Kryo kryo, Input input, Class<? extends Object> type) {
            long v = input.readVarLong(true);
            long n = v >>> 1;
            if ((v & 1) != 0) {
                if (!(input instanceof ObjectFrame.FrameInput fi)) {
                    throw new KryoException("an out-of-band array outside an mpi4j message");
                }
                return fi.part(input.readVarInt(true), kind);
            }
            if (n > Integer.MAX_VALUE - 8) {
                throw new KryoException("corrupt array length " + n);
            }
            if (input instanceof ObjectFrame.FrameInput fi) {
                fi.need(ObjectFrame.byteSize(kind, n));
                Object a = ObjectFrame.allocate(kind, n, false);
                fi.readSegment(ObjectFrame.segmentOf(a));
                return a;
            }
            int len = (int) n;
            return switch (kind) {
                case ObjectFrame.BYTES -> input.readBytes(len);
                case ObjectFrame.SHORTS -> input.readShorts(len);
                case ObjectFrame.CHARS -> input.readChars(len);
                case ObjectFrame.INTS -> input.readInts(len);
                case ObjectFrame.LONGS -> input.readLongs(len);
                case ObjectFrame.FLOATS -> input.readFloats(len);
                default -> input.readDoubles(len);
            };
        }

        @Override
        public Object copy(Kryo kryo, Object original) {
            return ObjectFrame.segmentOf(original).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        }
    }

    /** Memory segments: their bytes, inline or out of band; they arrive as native segments. */
    private static final class SegmentSerializer extends Serializer<MemorySegment> {
        SegmentSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, MemorySegment seg) {
            long n = seg.byteSize();
            if (output instanceof ObjectFrame.FrameOutput fo) {
                int index = fo.offer(seg, n);
                if (index >= 0) {
                    output.writeVarLong((n << 1) | 1, true);
                    output.writeVarInt(index, true);
                } else {
                    output.writeVarLong(n << 1, true);
                    fo.writeSegment(seg);
                }
                return;
            }
            if (n > Integer.MAX_VALUE - 8) {
                throw new KryoException("a memory segment of " + n + " bytes outside an mpi4j message");
            }
            output.writeVarLong(n << 1, true);
            output.writeBytes(seg.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
        }

        @Override
        public MemorySegment read(Kryo kryo, Input input, Class<? extends MemorySegment> type) {
            long v = input.readVarLong(true);
            long n = v >>> 1;
            if ((v & 1) != 0) {
                if (!(input instanceof ObjectFrame.FrameInput fi)) {
                    throw new KryoException("an out-of-band segment outside an mpi4j message");
                }
                return (MemorySegment) fi.part(input.readVarInt(true), ObjectFrame.SEGMENT);
            }
            if (input instanceof ObjectFrame.FrameInput fi) {
                fi.need(n);
            } else if (n > Integer.MAX_VALUE - 8) {
                throw new KryoException("corrupt segment length " + n);
            }
            MemorySegment seg = Arena.ofAuto().allocate(Math.max(n, 1), 16).asSlice(0, n);
            if (input instanceof ObjectFrame.FrameInput fi) {
                fi.readSegment(seg);
            } else {
                MemorySegment.copy(MemorySegment.ofArray(input.readBytes((int) n)), 0, seg, 0, n);
            }
            return seg;
        }
    }

    private static final class UuidSerializer extends Serializer<java.util.UUID> {
        UuidSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, java.util.UUID u) {
            output.writeLong(u.getMostSignificantBits());
            output.writeLong(u.getLeastSignificantBits());
        }

        @Override
        public java.util.UUID read(Kryo kryo, Input input, Class<? extends java.util.UUID> type) {
            return new java.util.UUID(input.readLong(), input.readLong());
        }
    }

    /**
     * The JDK's wrapper collections ({@code Arrays.asList}, {@code Collections.unmodifiable*},
     * {@code Collections.synchronized*}): their elements, read back into the same kind of wrapper
     * around a standard collection.
     */
    private static final class WrapperSerializer extends Serializer<Object> {
        private enum Kind { AS_LIST, UNMODIFIABLE_LIST, UNMODIFIABLE_SET, UNMODIFIABLE_COLLECTION, UNMODIFIABLE_MAP,
            SYNCHRONIZED_LIST, SYNCHRONIZED_SET, SYNCHRONIZED_MAP }

        private final Kind kind;

        private WrapperSerializer(Kind kind) {
            this.kind = kind;
        }

        static void addTo(Kryo k) {
            java.util.ArrayList<Object> al = new java.util.ArrayList<>();
            java.util.LinkedList<Object> ll = new java.util.LinkedList<>();
            java.util.HashSet<Object> hs = new java.util.HashSet<>();
            java.util.HashMap<Object, Object> hm = new java.util.HashMap<>();
            k.register(java.util.Arrays.asList().getClass(), new WrapperSerializer(Kind.AS_LIST));
            k.register(java.util.Collections.unmodifiableList(al).getClass(), new WrapperSerializer(Kind.UNMODIFIABLE_LIST));
            k.register(java.util.Collections.unmodifiableList(ll).getClass(), new WrapperSerializer(Kind.UNMODIFIABLE_LIST));
            k.register(java.util.Collections.unmodifiableSet(hs).getClass(), new WrapperSerializer(Kind.UNMODIFIABLE_SET));
            k.register(java.util.Collections.unmodifiableCollection(al).getClass(),
                    new WrapperSerializer(Kind.UNMODIFIABLE_COLLECTION));
            k.register(java.util.Collections.unmodifiableMap(hm).getClass(), new WrapperSerializer(Kind.UNMODIFIABLE_MAP));
            k.register(java.util.Collections.synchronizedList(al).getClass(), new WrapperSerializer(Kind.SYNCHRONIZED_LIST));
            k.register(java.util.Collections.synchronizedList(ll).getClass(), new WrapperSerializer(Kind.SYNCHRONIZED_LIST));
            k.register(java.util.Collections.synchronizedSet(hs).getClass(), new WrapperSerializer(Kind.SYNCHRONIZED_SET));
            k.register(java.util.Collections.synchronizedMap(hm).getClass(), new WrapperSerializer(Kind.SYNCHRONIZED_MAP));
        }

        @Override
        public void write(Kryo kryo, Output output, Object value) {
            MpiKryo k = (MpiKryo) kryo;
            if (value instanceof java.util.Map<?, ?> m) {
                output.writeVarInt(m.size(), true);
                for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
                    k.writeValue(output, e.getKey());
                    k.writeValue(output, e.getValue());
                }
                return;
            }
            java.util.Collection<?> c = (java.util.Collection<?>) value;
            output.writeVarInt(c.size(), true);
            for (Object o : c) {
                k.writeValue(output, o);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object read(Kryo kryo, Input input, Class<? extends Object> type) {
            MpiKryo k = (MpiKryo) kryo;
            int n = input.readVarInt(true);
            if (n < 0 || (input instanceof ObjectFrame.FrameInput && n > input.limit() - input.position())) {
                throw new KryoException("corrupt collection size " + n);
            }
            switch (kind) {
                case AS_LIST -> {
                    Object[] a = new Object[n];
                    java.util.List<Object> list = java.util.Arrays.asList(a);
                    kryo.reference(list);
                    for (int i = 0; i < n; i++) {
                        a[i] = k.readValue(input);
                    }
                    return list;
                }
                case UNMODIFIABLE_MAP, SYNCHRONIZED_MAP -> {
                    java.util.Map<Object, Object> m = new java.util.LinkedHashMap<>();
                    Object wrapper = kind == Kind.UNMODIFIABLE_MAP ? java.util.Collections.unmodifiableMap(m)
                            : java.util.Collections.synchronizedMap(m);
                    kryo.reference(wrapper);
                    for (int i = 0; i < n; i++) {
                        m.put(k.readValue(input), k.readValue(input));
                    }
                    return wrapper;
                }
                default -> {
                    java.util.Collection<Object> c = kind == Kind.UNMODIFIABLE_SET || kind == Kind.SYNCHRONIZED_SET
                            ? new java.util.LinkedHashSet<>() : new java.util.ArrayList<>(n);
                    Object wrapper = switch (kind) {
                        case UNMODIFIABLE_LIST -> java.util.Collections.unmodifiableList((java.util.List<Object>) c);
                        case UNMODIFIABLE_SET -> java.util.Collections.unmodifiableSet((java.util.Set<Object>) c);
                        case SYNCHRONIZED_LIST -> java.util.Collections.synchronizedList((java.util.List<Object>) c);
                        case SYNCHRONIZED_SET -> java.util.Collections.synchronizedSet((java.util.Set<Object>) c);
                        default -> java.util.Collections.unmodifiableCollection(c);
                    };
                    kryo.reference(wrapper);
                    for (int i = 0; i < n; i++) {
                        c.add(k.readValue(input));
                    }
                    return wrapper;
                }
            }
        }
    }

    // ---- speed: values need no reference tracking, records need no reflection per object --------

    /**
     * Tracks references (shared and cyclic graphs) except for immutable values that cannot be part
     * of a cycle: boxes, strings, enums, java.time values and records made only of such values.
     * Those arrive as equal copies; skipping them keeps small messages cheap.
     */
    private static final class ValueAwareReferences extends com.esotericsoftware.kryo.util.MapReferenceResolver {
        /**
         * The first objects written are looked up by a scan rather than in Kryo's identity map:
         * a small message then needs no identity hash codes and no clearing of the map's table.
         */
        private static final int FEW = 8;
        private final Object[] few = new Object[FEW];
        private int fewCount;

        @Override
        public boolean useReferences(Class type) {
            return !IS_VALUE.get(type);
        }

        @Override
        public int addWrittenObject(Object object) {
            if (fewCount < FEW) {
                few[fewCount] = object;
                return fewCount++;
            }
            return super.addWrittenObject(object) + FEW;
        }

        @Override
        public int getWrittenId(Object object) {
            for (int i = 0; i < fewCount; i++) {
                if (few[i] == object) {
                    return i;
                }
            }
            if (fewCount < FEW) {
                return -1;
            }
            int id = super.getWrittenId(object);
            return id < 0 ? id : id + FEW;
        }

        @Override
        public void reset() {
            super.reset();
            java.util.Arrays.fill(few, 0, fewCount, null);
            fewCount = 0;
        }
    }

    private static final ClassValue<Boolean> IS_VALUE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (isLeafValue(type)) {
                return true;
            }
            if (type.isRecord()) {
                // only one level: nested records keep reference tracking (no recursion on cycles of types)
                for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
                    if (!isLeafValue(c.getType())) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }
    };

    private static boolean isLeafValue(Class<?> type) {
        return type.isPrimitive() || type == String.class || type == Integer.class || type == Long.class
                || type == Double.class || type == Float.class || type == Short.class || type == Byte.class
                || type == Character.class || type == Boolean.class || type.isEnum()
                || type == java.math.BigInteger.class || type == java.math.BigDecimal.class
                || type == java.util.UUID.class
                || (type.getPackageName().equals("java.time") && !type.isInterface());
    }

    /**
     * mpi4j's Kryo: writes and reads the commonest leaf values (null, strings, ints, longs,
     * doubles, booleans) inside collections and records without Kryo's per-object bookkeeping,
     * byte for byte as {@code writeClassAndObject} would (their class id, then no reference
     * marker: {@link ValueAwareReferences} tracks none of them). A type whose registration the
     * user's configuration changed keeps Kryo's own path.
     */
    private static final class MpiKryo extends Kryo {
        /**
         * Deeper graphs are not serialized on the caller's stack but on {@link DeepStack}'s: an
         * overflow of the caller's stack could strike inside a class initializer and leave that class
         * unusable for the rest of the JVM's life (seen: StringBuffer).
         */
        private void enter() {
            if (getDepth() >= DeepStack.INLINE_DEPTH && !DeepStack.isDeepThread()) {
                throw new DeepStack.TooDeep();
            }
        }

        @Override
        public void writeObject(Output output, Object object) {
            enter();
            super.writeObject(output, object);
        }

        @Override
        public void writeObject(Output output, Object object, Serializer serializer) {
            enter();
            super.writeObject(output, object, serializer);
        }

        @Override
        public void writeObjectOrNull(Output output, Object object, Class type) {
            enter();
            super.writeObjectOrNull(output, object, type);
        }

        @Override
        public void writeObjectOrNull(Output output, Object object, Serializer serializer) {
            enter();
            super.writeObjectOrNull(output, object, serializer);
        }

        @Override
        public void writeClassAndObject(Output output, Object object) {
            enter();
            super.writeClassAndObject(output, object);
        }

        @Override
        public <T> T readObject(Input input, Class<T> type) {
            enter();
            return super.readObject(input, type);
        }

        @Override
        public <T> T readObject(Input input, Class<T> type, Serializer serializer) {
            enter();
            return super.readObject(input, type, serializer);
        }

        @Override
        public <T> T readObjectOrNull(Input input, Class<T> type) {
            enter();
            return super.readObjectOrNull(input, type);
        }

        @Override
        public <T> T readObjectOrNull(Input input, Class<T> type, Serializer serializer) {
            enter();
            return super.readObjectOrNull(input, type, serializer);
        }

        @Override
        public Object readClassAndObject(Input input) {
            enter();
            return super.readClassAndObject(input);
        }

        /** A tag no byte equals: the type has no fast path. */
        private static final int OFF = 1 << 10;
        private int stringTag = OFF;
        private int intTag = OFF;
        private int longTag = OFF;
        private int doubleTag = OFF;
        private int booleanTag = OFF;

        /** Decides the fast paths, once the configuration is complete. */
        void enableLeaves() {
            boolean untracked = getReferenceResolver() instanceof ValueAwareReferences;
            stringTag = tag(untracked, String.class, DefaultSerializers.StringSerializer.class);
            intTag = tag(untracked, Integer.class, DefaultSerializers.IntSerializer.class);
            longTag = tag(untracked, Long.class, DefaultSerializers.LongSerializer.class);
            doubleTag = tag(untracked, Double.class, DefaultSerializers.DoubleSerializer.class);
            booleanTag = tag(untracked, Boolean.class, DefaultSerializers.BooleanSerializer.class);
        }

        private int tag(boolean untracked, Class<?> type, Class<?> serializer) {
            Registration r = getClassResolver().getRegistration(type);
            // a one-byte class id (id + 2 as a varint), as Kryo writes it
            return untracked && r != null && r.getSerializer().getClass() == serializer && r.getId() >= 0
                    && r.getId() + 2 < 0x80 ? r.getId() + 2 : OFF;
        }

        /**
         * The class of all elements of {@code c} when they share one that is worth sending once:
         * null when they are mixed, when one is null, or when they are leaf values (as cheap one
         * by one).
         */
        Class<?> commonClass(Collection<?> c) {
            Class<?> one = null;
            for (Object o : c) {
                if (o == null) {
                    return null;
                }
                Class<?> t = o.getClass();
                if (one == null) {
                    one = t;
                } else if (t != one) {
                    return null;
                }
            }
            return isLeaf(one) ? null : one;
        }

        private boolean isLeaf(Class<?> c) {
            return c == String.class && stringTag != OFF || c == Integer.class && intTag != OFF
                    || c == Double.class && doubleTag != OFF || c == Long.class && longTag != OFF
                    || c == Boolean.class && booleanTag != OFF;
        }

        /** {@link #writeClassAndObject}, faster for leaf values. */
        void writeValue(Output out, Object v) {
            if (v == null) {
                out.writeByte(NULL);
                return;
            }
            Class<?> c = v.getClass();
            if (c == String.class && stringTag != OFF) {
                out.writeByte(stringTag);
                out.writeString((String) v);
            } else if (c == Integer.class && intTag != OFF) {
                out.writeByte(intTag);
                out.writeVarInt((Integer) v, false);
            } else if (c == Double.class && doubleTag != OFF) {
                out.writeByte(doubleTag);
                out.writeDouble((Double) v);
            } else if (c == Long.class && longTag != OFF) {
                out.writeByte(longTag);
                out.writeVarLong((Long) v, false);
            } else if (c == Boolean.class && booleanTag != OFF) {
                out.writeByte(booleanTag);
                out.writeBoolean((Boolean) v);
            } else {
                writeClassAndObject(out, v);
            }
        }

        /** {@link #readClassAndObject}, faster for leaf values in an mpi4j frame. */
        Object readValue(Input in) {
            int p = in.position();
            // a frame is all in its buffer: the class id can be looked at before it is read
            if (in instanceof ObjectFrame.FrameInput && p < in.limit()) {
                int b = in.getBuffer()[p];
                if (b == stringTag) {
                    in.setPosition(p + 1);
                    return in.readString();
                } else if (b == intTag) {
                    in.setPosition(p + 1);
                    return in.readVarInt(false);
                } else if (b == doubleTag) {
                    in.setPosition(p + 1);
                    return in.readDouble();
                } else if (b == longTag) {
                    in.setPosition(p + 1);
                    return in.readVarLong(false);
                } else if (b == booleanTag) {
                    in.setPosition(p + 1);
                    return in.readBoolean();
                } else if (b == NULL) {
                    in.setPosition(p + 1);
                    return null;
                }
            }
            return readClassAndObject(in);
        }
    }

    /**
     * {@code ArrayList}, {@code HashMap} and the other common collections: their size, then their
     * elements (keys and values) each with its class. Kryo's own serializers do generic-type
     * bookkeeping per element that buys nothing here.
     */
    private static final class ContainerSerializer extends Serializer<Object> {
        private final IntFunction<Object> create;
        private final boolean map;

        private ContainerSerializer(IntFunction<Object> create, boolean map) {
            this.create = create;
            this.map = map;
        }

        /**
         * The serializer for exactly {@code type}, or null for Kryo's (TreeMap and TreeSet: Kryo's
         * keeps their comparator). Like Kryo's, it rebuilds a collection with its class's plain
         * constructor (a LinkedHashMap in access order arrives in insertion order).
         */
        static ContainerSerializer forClass(Class<?> type) {
            IntFunction<Object> create = null;
            if (type == java.util.ArrayList.class) {
                create = java.util.ArrayList::new;
            } else if (type == java.util.HashMap.class) {
                create = java.util.HashMap::newHashMap;
            } else if (type == java.util.LinkedHashMap.class) {
                create = java.util.LinkedHashMap::newLinkedHashMap;
            } else if (type == java.util.HashSet.class) {
                create = java.util.HashSet::newHashSet;
            } else if (type == java.util.LinkedHashSet.class) {
                create = java.util.LinkedHashSet::newLinkedHashSet;
            } else if (type == java.util.LinkedList.class) {
                create = n -> new java.util.LinkedList<>();
            } else if (type == java.util.ArrayDeque.class) {
                create = java.util.ArrayDeque::new;
            }
            return create == null ? null : new ContainerSerializer(create, Map.class.isAssignableFrom(type));
        }

        @Override
        public void write(Kryo kryo, Output output, Object value) {
            MpiKryo k = (MpiKryo) kryo;
            if (map) {
                Map<?, ?> m = (Map<?, ?>) value;
                output.writeVarInt(m.size(), true);
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    k.writeValue(output, e.getKey());
                    k.writeValue(output, e.getValue());
                }
            } else {
                Collection<?> c = (Collection<?>) value;
                int n = c.size();
                output.writeVarInt(n, true);
                Class<?> one = n < 2 ? null : k.commonClass(c);
                if (n >= 2) {
                    output.writeByte(one == null ? MIXED : UNIFORM);
                }
                if (one == null) {
                    for (Object o : c) {
                        k.writeValue(output, o);
                    }
                    return;
                }
                // all elements of one class: it travels once
                Serializer<Object> s = k.writeClass(output, one).getSerializer();
                if (isUntrackedRecord(k, s, one)) {
                    for (Object o : c) {
                        s.write(k, output, o);
                    }
                } else {
                    for (Object o : c) {
                        k.writeObject(output, o, s);
                    }
                }
            }
        }

        private static final byte MIXED = 0, UNIFORM = 1;

        /**
         * Whether elements of {@code type} may skip Kryo's {@code writeObject}/{@code readObject}:
         * mpi4j's record serializer never touches Kryo's reference stack, and untracked elements
         * have no reference marker to write or read.
         */
        private static boolean isUntrackedRecord(Kryo k, Serializer<?> s, Class<?> type) {
            return s instanceof FastRecordSerializer && !k.getReferenceResolver().useReferences(type);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object read(Kryo kryo, Input input, Class<? extends Object> type) {
            MpiKryo k = (MpiKryo) kryo;
            int n = input.readVarInt(true);
            // every element takes a byte at least: a corrupt size must not allocate
            if (n < 0 || (input instanceof ObjectFrame.FrameInput && n > input.limit() - input.position())) {
                throw new KryoException("corrupt collection size " + n);
            }
            Object result = create.apply(input instanceof ObjectFrame.FrameInput ? n : Math.min(n, 1 << 12));
            // before the elements, which may refer back to it
            kryo.reference(result);
            if (map) {
                Map<Object, Object> m = (Map<Object, Object>) result;
                for (int i = 0; i < n; i++) {
                    m.put(k.readValue(input), k.readValue(input));
                }
            } else {
                Collection<Object> c = (Collection<Object>) result;
                byte mode = n < 2 ? MIXED : input.readByte();
                if (mode == MIXED) {
                    for (int i = 0; i < n; i++) {
                        c.add(k.readValue(input));
                    }
                    return result;
                }
                Registration r = mode == UNIFORM ? k.readClass(input) : null;
                if (r == null) {
                    throw new KryoException("corrupt collection header");
                }
                Class<Object> one = r.getType();
                Serializer<Object> s = r.getSerializer();
                if (isUntrackedRecord(k, s, one)) {
                    for (int i = 0; i < n; i++) {
                        c.add(s.read(k, input, one));
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        c.add(k.readObject(input, one, s));
                    }
                }
            }
            return result;
        }
    }

    private static final class RecordSerializerFactory
            extends com.esotericsoftware.kryo.SerializerFactory.BaseSerializerFactory<FastRecordSerializer> {
        @Override
        public FastRecordSerializer newSerializer(Kryo kryo, Class type) {
            return new FastRecordSerializer(RecordCodec.OF.get(type));
        }
    }

    /**
     * Records through their accessors and canonical constructor, without reflection, boxing or an
     * argument array per object: one method handle writes all components, one reads them and
     * calls the constructor. The handles are built once per class and shared by all Kryo
     * instances, so the JIT compiles each into straight-line code once.
     */
    private static final class FastRecordSerializer extends Serializer<Object> {
        private final RecordCodec codec;

        FastRecordSerializer(RecordCodec codec) {
            this.codec = codec;
        }

        @Override
        public void write(Kryo kryo, Output out, Object r) {
            try {
                codec.writer.invokeExact(kryo, out, r);
            } catch (KryoException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new KryoException("cannot read the components of " + codec.type.getName(), t);
            }
        }

        @Override
        public Object read(Kryo kryo, Input in, Class<? extends Object> t) {
            try {
                return codec.read(kryo, in);
            } catch (ClassCastException e) {
                throw new KryoException("corrupt message: wrong component type for " + codec.type.getName(), e);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new KryoException("cannot construct " + codec.type.getName(), e);
            }
        }
    }

    /**
     * The method handles of one record class. The wire format of a component: ints and longs as
     * zigzag varints, other primitives fixed-size, references with their class.
     */
    private static final class RecordCodec {
        /** Above this many argument slots the reader falls back to an argument array (handle arity limit). */
        private static final int MAX_FOLDED_SLOTS = 200;
        private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

        static final ClassValue<RecordCodec> OF = new ClassValue<>() {
            @Override
            protected RecordCodec computeValue(Class<?> type) {
                try {
                    return new RecordCodec(type);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new KryoException("cannot serialize record " + type.getName() + ": " + e.getMessage()
                            + " (a record in a named module must be open to org.mpi4j)", e);
                }
            }
        };

        final Class<?> type;
        /** (Kryo, Output, Object) void: writes every component. */
        final MethodHandle writer;
        /** (Kryo, Input) Object: reads every component and constructs; null when {@link #readers} do. */
        private final MethodHandle reader;
        /** (Kryo, Input) component, one per component, and the spread constructor (wide records only). */
        private final MethodHandle[] readers;
        private final MethodHandle spreadConstructor;

        private RecordCodec(Class<?> type) throws ReflectiveOperationException {
            this.type = type;
            RecordComponent[] cs = type.getRecordComponents();
            Class<?>[] params = new Class<?>[cs.length];
            MethodHandle w = MethodHandles.empty(MethodType.methodType(void.class, Kryo.class, Output.class, Object.class));
            readers = new MethodHandle[cs.length];
            int slots = 2;
            for (int i = cs.length - 1; i >= 0; i--) {
                Class<?> t = cs[i].getType();
                params[i] = t;
                slots += t == long.class || t == double.class ? 2 : 1;
                java.lang.reflect.Method m = cs[i].getAccessor();
                m.setAccessible(true);
                MethodHandle get = LOOKUP.unreflect(m).asType(
                        MethodType.methodType(t.isPrimitive() ? t : Object.class, Object.class));
                // fold: this component is written before the ones already in w
                w = MethodHandles.foldArguments(w, MethodHandles.filterArguments(writerOf(t), 2, get));
                readers[i] = readerOf(t);
            }
            writer = w;
            java.lang.reflect.Constructor<?> c = type.getDeclaredConstructor(params);
            c.setAccessible(true);
            MethodHandle ctor = LOOKUP.unreflectConstructor(c);
            if (slots > MAX_FOLDED_SLOTS) {
                reader = null;
                spreadConstructor = ctor.asSpreader(Object[].class, params.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
                return;
            }
            // (T0..Tn-1, Kryo, Input); folding component i in at position i leaves (T0..Ti-1, Kryo, Input),
            // and runs its reader before those of the components after it
            MethodHandle r = MethodHandles.dropArguments(ctor, cs.length, Kryo.class, Input.class);
            for (int i = cs.length - 1; i >= 0; i--) {
                r = MethodHandles.foldArguments(r, i, readers[i]);
            }
            reader = r.asType(MethodType.methodType(Object.class, Kryo.class, Input.class));
            spreadConstructor = null;
        }

        Object read(Kryo kryo, Input in) throws Throwable {
            if (reader != null) {
                return (Object) reader.invokeExact(kryo, in);
            }
            Object[] args = new Object[readers.length];
            for (int i = 0; i < args.length; i++) {
                args[i] = readers[i].invoke(kryo, in);
            }
            return (Object) spreadConstructor.invokeExact(args);
        }

        /** The {@code write} below for a component of type {@code t}: (Kryo, Output, t) void. */
        private static MethodHandle writerOf(Class<?> t) throws ReflectiveOperationException {
            Class<?> v = t.isPrimitive() ? t : Object.class;
            return LOOKUP.findStatic(RecordCodec.class, "write",
                    MethodType.methodType(void.class, Kryo.class, Output.class, v));
        }

        /** The {@code readInt}, ..., {@code readObject} below for a component of type {@code t}: (Kryo, Input) t. */
        private static MethodHandle readerOf(Class<?> t) throws ReflectiveOperationException {
            Class<?> v = t.isPrimitive() ? t : Object.class;
            String n = v == Object.class ? "Object" : v.getName();
            return LOOKUP.findStatic(RecordCodec.class, "read" + Character.toUpperCase(n.charAt(0)) + n.substring(1),
                    MethodType.methodType(v, Kryo.class, Input.class))
                    .asType(MethodType.methodType(t, Kryo.class, Input.class));
        }

        private static void write(Kryo k, Output o, int v) {
            o.writeVarInt(v, false);
        }

        private static void write(Kryo k, Output o, long v) {
            o.writeVarLong(v, false);
        }

        private static void write(Kryo k, Output o, double v) {
            o.writeDouble(v);
        }

        private static void write(Kryo k, Output o, float v) {
            o.writeFloat(v);
        }

        private static void write(Kryo k, Output o, boolean v) {
            o.writeBoolean(v);
        }

        private static void write(Kryo k, Output o, short v) {
            o.writeShort(v);
        }

        private static void write(Kryo k, Output o, byte v) {
            o.writeByte(v);
        }

        private static void write(Kryo k, Output o, char v) {
            o.writeChar(v);
        }

        private static void write(Kryo k, Output o, Object v) {
            ((MpiKryo) k).writeValue(o, v);
        }

        private static int readInt(Kryo k, Input i) {
            return i.readVarInt(false);
        }

        private static long readLong(Kryo k, Input i) {
            return i.readVarLong(false);
        }

        private static double readDouble(Kryo k, Input i) {
            return i.readDouble();
        }

        private static float readFloat(Kryo k, Input i) {
            return i.readFloat();
        }

        private static boolean readBoolean(Kryo k, Input i) {
            return i.readBoolean();
        }

        private static short readShort(Kryo k, Input i) {
            return i.readShort();
        }

        private static byte readByte(Kryo k, Input i) {
            return i.readByte();
        }

        private static char readChar(Kryo k, Input i) {
            return i.readChar();
        }

        private static Object readObject(Kryo k, Input i) {
            return ((MpiKryo) k).readValue(i);
        }
    }
}
