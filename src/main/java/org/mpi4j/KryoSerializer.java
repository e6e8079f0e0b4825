package org.mpi4j;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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
 * <p>Kryo instances are not thread-safe; this class keeps a pool of them, so one serializer serves
 * any number of threads. Configure it ({@link #register}, {@link #addDefaultSerializer},
 * {@link #configure}) before the first message; a change discards the pooled instances.
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
    private record Entry(KryoSerializer owner, Kryo kryo, int generation) {
    }

    /** Instances for streams that are not mpi4j frames (a frame keeps its own instance). */
    private final Pool<Entry> pool = new Pool<>(true, false, 256) {
        @Override
        protected Entry create() {
            int g = generation;
            return new Entry(KryoSerializer.this, newKryo(), g);
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
            Object obj = e.kryo.readClassAndObject(in instanceof Input i ? i : new Input(Objects.requireNonNull(in, "in")));
            done = true;
            return obj;
        } finally {
            give(e, frame, done);
        }
    }

    /** The instance {@code frame} keeps for this serializer, else one from the pool. */
    private Entry take(ObjectFrame frame) {
        if (frame != null && frame.serializerState instanceof Entry e && e.owner == this && e.generation == generation) {
            frame.serializerState = null;
            return e;
        }
        return pool.obtain();
    }

    private void give(Entry e, ObjectFrame frame, boolean done) {
        if (!done || e.generation != generation) {
            // a failed operation may leave state behind that reset() does not clear (Kryo's reference
            // stack): such an instance is dropped, as are those of an older configuration
            return;
        }
        e.kryo.reset();
        if (frame != null) {
            frame.serializerState = e;
        } else {
            pool.free(e);
        }
    }

    @Override
    public String toString() {
        return "KryoSerializer";
    }

    private Kryo newKryo() {
        Kryo k = new Kryo();
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
            k.register(c);
        }
        for (Consumer<Kryo> c : configuration) {
            c.accept(k);
        }
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
            if (value instanceof java.util.Map<?, ?> m) {
                output.writeVarInt(m.size(), true);
                for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
                    kryo.writeClassAndObject(output, e.getKey());
                    kryo.writeClassAndObject(output, e.getValue());
                }
                return;
            }
            java.util.Collection<?> c = (java.util.Collection<?>) value;
            output.writeVarInt(c.size(), true);
            for (Object o : c) {
                kryo.writeClassAndObject(output, o);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object read(Kryo kryo, Input input, Class<? extends Object> type) {
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
                        a[i] = kryo.readClassAndObject(input);
                    }
                    return list;
                }
                case UNMODIFIABLE_MAP, SYNCHRONIZED_MAP -> {
                    java.util.Map<Object, Object> m = new java.util.LinkedHashMap<>();
                    Object wrapper = kind == Kind.UNMODIFIABLE_MAP ? java.util.Collections.unmodifiableMap(m)
                            : java.util.Collections.synchronizedMap(m);
                    kryo.reference(wrapper);
                    for (int i = 0; i < n; i++) {
                        m.put(kryo.readClassAndObject(input), kryo.readClassAndObject(input));
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
                        c.add(kryo.readClassAndObject(input));
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
        @Override
        public boolean useReferences(Class type) {
            return !IS_VALUE.get(type);
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

    private static final class RecordSerializerFactory
            extends com.esotericsoftware.kryo.SerializerFactory.BaseSerializerFactory<FastRecordSerializer> {
        @Override
        public FastRecordSerializer newSerializer(Kryo kryo, Class type) {
            return new FastRecordSerializer(type);
        }
    }

    /**
     * Records through their accessors and canonical constructor, as method handles resolved once
     * per class (Kryo's own record serializer reflects on every object).
     */
    private static final class FastRecordSerializer extends Serializer<Object> {
        private static final int REF = 0, INT = 1, LONG = 2, DOUBLE = 3, FLOAT = 4, BOOLEAN = 5, SHORT = 6, BYTE = 7,
                CHAR = 8;
        private final Class<?> type;
        private final int[] kinds;
        private final java.lang.invoke.MethodHandle[] getters;
        private final java.lang.invoke.MethodHandle constructor;

        FastRecordSerializer(Class<?> type) {
            this.type = type;
            java.lang.reflect.RecordComponent[] cs = type.getRecordComponents();
            kinds = new int[cs.length];
            getters = new java.lang.invoke.MethodHandle[cs.length];
            Class<?>[] params = new Class<?>[cs.length];
            java.lang.invoke.MethodHandles.Lookup lookup = java.lang.invoke.MethodHandles.lookup();
            try {
                for (int i = 0; i < cs.length; i++) {
                    Class<?> t = cs[i].getType();
                    params[i] = t;
                    kinds[i] = t == int.class ? INT : t == long.class ? LONG : t == double.class ? DOUBLE
                            : t == float.class ? FLOAT : t == boolean.class ? BOOLEAN : t == short.class ? SHORT
                            : t == byte.class ? BYTE : t == char.class ? CHAR : REF;
                    java.lang.reflect.Method m = cs[i].getAccessor();
                    m.setAccessible(true);
                    java.lang.invoke.MethodHandle g = lookup.unreflect(m);
                    getters[i] = g.asType(java.lang.invoke.MethodType.methodType(
                            kinds[i] == REF ? Object.class : t, Object.class));
                }
                java.lang.reflect.Constructor<?> c = type.getDeclaredConstructor(params);
                c.setAccessible(true);
                constructor = lookup.unreflectConstructor(c).asSpreader(Object[].class, params.length)
                        .asType(java.lang.invoke.MethodType.methodType(Object.class, Object[].class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new KryoException("cannot serialize record " + type.getName() + ": " + e.getMessage()
                        + " (a record in a named module must be open to org.mpi4j)", e);
            }
        }

        @Override
        public void write(Kryo kryo, Output out, Object r) {
            try {
                for (int i = 0; i < kinds.length; i++) {
                    java.lang.invoke.MethodHandle g = getters[i];
                    switch (kinds[i]) {
                        case INT -> out.writeVarInt((int) g.invokeExact(r), false);
                        case LONG -> out.writeVarLong((long) g.invokeExact(r), false);
                        case DOUBLE -> out.writeDouble((double) g.invokeExact(r));
                        case FLOAT -> out.writeFloat((float) g.invokeExact(r));
                        case BOOLEAN -> out.writeBoolean((boolean) g.invokeExact(r));
                        case SHORT -> out.writeShort((short) g.invokeExact(r));
                        case BYTE -> out.writeByte((byte) g.invokeExact(r));
                        case CHAR -> out.writeChar((char) g.invokeExact(r));
                        default -> kryo.writeClassAndObject(out, (Object) g.invokeExact(r));
                    }
                }
            } catch (KryoException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new KryoException("cannot read the components of " + type.getName(), t);
            }
        }

        @Override
        public Object read(Kryo kryo, Input in, Class<? extends Object> t) {
            Object[] args = new Object[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                args[i] = switch (kinds[i]) {
                    case INT -> in.readVarInt(false);
                    case LONG -> in.readVarLong(false);
                    case DOUBLE -> in.readDouble();
                    case FLOAT -> in.readFloat();
                    case BOOLEAN -> in.readBoolean();
                    case SHORT -> in.readShort();
                    case BYTE -> in.readByte();
                    case CHAR -> in.readChar();
                    default -> kryo.readClassAndObject(in);
                };
            }
            try {
                return (Object) constructor.invokeExact(args);
            } catch (ClassCastException e) {
                throw new KryoException("corrupt message: wrong component type for " + type.getName(), e);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new KryoException("cannot construct " + type.getName(), e);
            }
        }
    }
}
