package org.mpi4j;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The wire format of one serialized object, and the pooled buffers that build and read it.
 *
 * <p>An object becomes a <em>frame</em> and zero or more <em>out-of-band parts</em>. The frame is
 * one message: a 20-byte header (magic, number of parts, in-band length, the serializer's
 * registration fingerprint, a checksum of the header and descriptors), the serializer's
 * in-band bytes, then one descriptor per part (kind byte, element count). Each part is a large
 * primitive array or a {@link MemorySegment} found inside the object: it is not copied into the
 * frame but travels as its own messages, at most {@link #chunkLimit} bytes each, straight from
 * and into the array (as pickle protocol 5 buffers do in mpi4py.util.pkl5). This also lifts the
 * 2 GiB limit of one MPI message.
 *
 * <p>Frames are pooled: a message allocates nothing here but what the serializer needs.
 */
final class ObjectFrame {
    static final int MAGIC = 0x4D504A4F; // "MPJO"
    static final int HEADER = 20;
    static final int DESCRIPTOR = 9;

    static final byte BYTES = 0, SHORTS = 1, CHARS = 2, INTS = 3, LONGS = 4, FLOATS = 5, DOUBLES = 6, SEGMENT = 7;

    /** Arrays and segments of at least this many bytes go out of band (package-private knob for tests). */
    static volatile long oobThreshold = 64 * 1024;
    /**
     * The largest message one part chunk may be (package-private knob: tests lower it to prove the
     * >2 GiB path). 64 MiB: a blocking send of a Java array at THREAD_MULTIPLE goes from a native
     * copy of it, so the chunk bounds that copy.
     */
    static volatile int chunkLimit = 64 << 20;

    private static volatile ObjectSerializer serializer = new KryoSerializer();

    /** Frames for virtual threads (and for a platform thread that needs a third one at a time). */
    private static final BlockingQueue<ObjectFrame> POOL = new ArrayBlockingQueue<>(64);

    /**
     * Each platform thread keeps up to two frames of its own (one for a pending receive, one for a
     * send meanwhile): taking one is cheaper than the locked {@link #POOL}. Virtual threads share
     * the pool instead, so that many short-lived ones do not each build frames (and a
     * serializer's state with them).
     */
    private static final ThreadLocal<ObjectFrame[]> OWN = ThreadLocal.withInitial(() -> new ObjectFrame[2]);

    final FrameOutput out = new FrameOutput(this);
    final FrameInput in = new FrameInput(this);

    /**
     * What the current serializer keeps with this frame between messages (KryoSerializer: its
     * Kryo instance), so that it needs no pool of its own on the message path.
     */
    SerializerState serializerState;

    /** A serializer's state kept in a frame. */
    interface SerializerState {
        /** The frame is being dropped (its pool is full): the state may go where it serves again. */
        void dropped();
    }

    private ObjectFrame() {
    }

    static ObjectSerializer serializer() {
        return serializer;
    }

    static void setSerializer(ObjectSerializer s) {
        serializer = s;
    }

    static ObjectFrame obtain() {
        if (!Thread.currentThread().isVirtual()) {
            ObjectFrame[] own = OWN.get();
            for (int i = 0; i < own.length; i++) {
                ObjectFrame f = own[i];
                if (f != null) {
                    own[i] = null;
                    return f;
                }
            }
        }
        ObjectFrame f = POOL.poll();
        return f != null ? f : new ObjectFrame();
    }

    void release() {
        out.clear();
        in.clear();
        // a frame may be released by another thread than the one that obtained it (nonblocking receives)
        if (!Thread.currentThread().isVirtual()) {
            ObjectFrame[] own = OWN.get();
            for (int i = 0; i < own.length; i++) {
                if (own[i] == null) {
                    own[i] = this;
                    return;
                }
            }
        }
        if (!POOL.offer(this) && serializerState != null) {
            serializerState.dropped();
            serializerState = null;
        }
    }

    // ---- encoding -------------------------------------------------------------------------------

    /**
     * Serializes {@code obj} completely into {@link #out}; returns the frame length.
     *
     * @param outOfBand whether large arrays may become out-of-band parts
     * @throws SerializationException if the serializer fails (nothing has been sent)
     */
    int encode(Object obj, boolean outOfBand) {
        ObjectSerializer s = serializer;
        try {
            try {
                serializeOnce(s, obj, outOfBand);
            } catch (Exception | StackOverflowError e) {
                if (!DeepStack.overflowed(e)) {
                    throw e;
                }
                // a deep graph (a long linked chain): again on a thread whose stack holds it
                DeepStack.run(() -> serializeOnce(s, obj, outOfBand));
            }
        } catch (KryoException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Buffer overflow")) {
                throw new SerializationException("the in-band part of " + describe(obj)
                        + " exceeds 2 GiB; keep bulk data in primitive arrays or memory segments", e);
            }
            throw cannotSerialize(obj, e);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            throw cannotSerialize(obj, e);
        }
        return out.finish();
    }

    private void serializeOnce(ObjectSerializer s, Object obj, boolean outOfBand) throws IOException {
        out.begin(outOfBand ? oobThreshold : Long.MAX_VALUE);
        s.serialize(obj, out);
    }

    private static SerializationException cannotSerialize(Object obj, Throwable e) {
        if (DeepStack.overflowed(e)) {
            return new SerializationException("cannot serialize " + describe(obj) + ": the object graph is deeper than"
                    + " a stack of " + DeepStack.STACK_BYTES + " bytes holds (-Dmpi4j.deepStackBytes); nothing was sent",
                    e);
        }
        return new SerializationException("cannot serialize " + describe(obj) + " with " + serializer + ": "
                + e.getMessage() + "; nothing was sent", e);
    }

    private static String describe(Object obj) {
        return obj == null ? "null" : "an object of " + obj.getClass().getName();
    }

    /** The number of out-of-band parts of the frame just encoded. */
    int parts() {
        return out.oob.size();
    }

    /** Part {@code i} of the frame just encoded, as a segment over the array (or the user's segment). */
    MemorySegment part(int i) {
        return segmentOf(out.oob.get(i));
    }

    static MemorySegment segmentOf(Object part) {
        return part instanceof MemorySegment m ? m : Buffers.ofArray(part);
    }

    /** The frame just encoded, as a heap segment. */
    MemorySegment frame(int length) {
        return MemorySegment.ofArray(out.getBuffer()).asSlice(0, length);
    }

    // ---- decoding -------------------------------------------------------------------------------

    /** A byte array of at least {@code n} bytes for an incoming frame (the input's own, reused). */
    byte[] frameBuffer(int n) {
        return in.ensure(n);
    }

    /**
     * Reads the header and descriptors of the {@code length}-byte frame now in
     * {@link #frameBuffer}, and allocates the out-of-band parts it announces (arrays, or native
     * segments where {@code nativeParts}).
     *
     * @throws SerializationException if the frame is not one (a raw message, corrupt bytes)
     */
    Object[] open(int length, int source, int tag) {
        return in.open(length, source, tag);
    }

    /** Where a message came from, for error messages only (built when an error happens). */
    static String from(int source, int tag) {
        return tag == COLLECTIVE ? "from rank " + source + " (object collective)"
                : "from rank " + source + " with tag " + tag;
    }

    /** The tag argument of {@link #open}/{@link #decode} for data of a collective operation. */
    static final int COLLECTIVE = Integer.MIN_VALUE;

    /** Deserializes the frame opened by {@link #open}; its parts must have been received. */
    Object decode(int source, int tag) {
        ObjectSerializer s = serializer;
        try {
            try {
                return deserializeOnce(s);
            } catch (Exception | StackOverflowError e) {
                if (!DeepStack.overflowed(e)) {
                    throw e;
                }
                return DeepStack.call(() -> deserializeOnce(s));
            }
        } catch (Exception | StackOverflowError | OutOfMemoryError | NoClassDefFoundError e) {
            throw new SerializationException("cannot deserialize the object " + from(source, tag) + " with " + s
                    + ": " + e.getMessage(), e);
        }
    }

    private Object deserializeOnce(ObjectSerializer s) throws IOException, ClassNotFoundException {
        in.setPosition(HEADER);
        Object obj = s.deserialize(in);
        if (s instanceof KryoSerializer && in.position() != in.limit()) {
            throw new KryoException((in.limit() - in.position()) + " bytes left unread");
        }
        return obj;
    }

    /**
     * Reads the header and descriptors of the {@code length}-byte frame now in
     * {@link #frameBuffer} without allocating its parts; returns their number. The parts are then
     * allocated one by one ({@link #allocatePart}) only once each is seen arriving.
     */
    int parse(int length, int source, int tag) {
        return in.parse(length, source, tag);
    }

    /** The number of parts of the frame {@link #parse}d. */
    int receivedParts() {
        return in.parts.length;
    }

    /** Allocates part {@code i} of the frame {@link #parse}d (an array, or a native segment). */
    Object allocatePart(int i) {
        return in.allocatePart(i);
    }

    /** The size in bytes of part {@code i} of the frame opened by {@link #open}. */
    long partBytes(int i) {
        return in.partBytes[i];
    }

    static long byteSize(byte kind, long count) {
        return switch (kind) {
            case BYTES, SEGMENT -> count;
            case SHORTS, CHARS -> count * 2;
            case INTS, FLOATS -> count * 4;
            case LONGS, DOUBLES -> count * 8;
            default -> -1;
        };
    }

    static Object allocate(byte kind, long count, boolean nativeOnly) {
        if (nativeOnly || kind == SEGMENT) {
            return Arena.ofAuto().allocate(byteSize(kind, count), 16);
        }
        int n = (int) count;
        return switch (kind) {
            case BYTES -> new byte[n];
            case SHORTS -> new short[n];
            case CHARS -> new char[n];
            case INTS -> new int[n];
            case LONGS -> new long[n];
            case FLOATS -> new float[n];
            case DOUBLES -> new double[n];
            default -> throw new IllegalStateException();
        };
    }

    /** Copies a part received into native memory into the array the object expects. */
    static Object toArray(byte kind, MemorySegment seg) {
        Object a = allocate(kind, kind == SEGMENT ? seg.byteSize() : seg.byteSize() / (byteSize(kind, 1)), false);
        if (a instanceof MemorySegment m) {
            return seg; // already native, the object gets it as it is
        }
        MemorySegment.copy(seg, 0, segmentOf(a), 0, seg.byteSize());
        return a;
    }

    /** The bytes a frame and its parts make when laid end to end (for collectives). */
    long flatSize(int frameLength) {
        long n = frameLength;
        for (Object p : out.oob) {
            n += segmentOf(p).byteSize();
        }
        return n;
    }

    /** Lays the frame just encoded and its parts end to end in one native segment. */
    MemorySegment flatten(int frameLength) {
        MemorySegment flat = Arena.ofAuto().allocate(Math.max(1, flatSize(frameLength)), 16);
        MemorySegment.copy(frame(frameLength), 0, flat, 0, frameLength);
        long at = frameLength;
        for (Object p : out.oob) {
            MemorySegment s = segmentOf(p);
            MemorySegment.copy(s, 0, flat, at, s.byteSize());
            at += s.byteSize();
        }
        return flat;
    }

    /** Decodes an object laid out by {@link #flatten}. */
    static Object unflatten(MemorySegment flat, int source) {
        String from = from(source, COLLECTIVE);
        ObjectFrame f = obtain();
        try {
            if (flat.byteSize() < HEADER) {
                throw new SerializationException("cannot deserialize the object " + from + ": " + flat.byteSize()
                        + " bytes is no object message");
            }
            byte[] head = new byte[HEADER];
            MemorySegment.copy(flat, 0, MemorySegment.ofArray(head), 0, HEADER);
            Input hi = new Input(head);
            int magic = hi.readInt();
            int nparts = hi.readInt();
            int inband = hi.readInt();
            long frameLength = (long) HEADER + inband + (long) nparts * DESCRIPTOR;
            if (magic != MAGIC || nparts < 0 || inband < 0 || frameLength > flat.byteSize()
                    || frameLength > Integer.MAX_VALUE) {
                throw new SerializationException("cannot deserialize the object " + from
                        + ": not an mpi4j object message (bad header)");
            }
            int len = (int) frameLength;
            byte[] buf = f.frameBuffer(len);
            MemorySegment.copy(flat, 0, MemorySegment.ofArray(buf), 0, len);
            Object[] parts = f.open(len, source, COLLECTIVE);
            long at = len;
            for (int i = 0; i < parts.length; i++) {
                long n = f.partBytes(i);
                if (at + n > flat.byteSize()) {
                    throw new SerializationException("cannot deserialize the object " + from + ": truncated");
                }
                MemorySegment dst = segmentOf(parts[i]);
                MemorySegment.copy(flat, at, dst, 0, n);
                at += n;
            }
            return f.decode(source, COLLECTIVE);
        } finally {
            f.release();
        }
    }

    // ---- the pooled streams -------------------------------------------------------------------

    /** Kryo's output, plus the list of out-of-band parts its array serializers hand over. */
    static final class FrameOutput extends Output {
        private static final int SHRINK_ABOVE = 1 << 20;
        final ArrayList<Object> oob = new ArrayList<>();
        long threshold = Long.MAX_VALUE;
        final ObjectFrame frame;
        /** The serializer's registration fingerprint, set while it writes (0: none). */
        int fingerprint;

        FrameOutput(ObjectFrame frame) {
            super(4096, -1);
            this.frame = frame;
        }

        void begin(long oobThreshold) {
            oob.clear();
            threshold = oobThreshold;
            fingerprint = 0;
            setPosition(HEADER);
        }

        /** Hands {@code part} out of band when it is large enough; returns its index, or -1. */
        int offer(Object part, long bytes) {
            if (bytes < threshold) {
                return -1;
            }
            oob.add(part);
            return oob.size() - 1;
        }

        int finish() {
            int inbandEnd = position();
            for (Object p : oob) {
                byte kind = kindOf(p);
                writeByte(kind);
                writeLong(p instanceof MemorySegment m ? m.byteSize() : java.lang.reflect.Array.getLength(p));
            }
            int end = position();
            setPosition(0);
            writeInt(MAGIC);
            writeInt(oob.size());
            writeInt(inbandEnd - HEADER);
            writeInt(fingerprint);
            writeInt(checksum(buffer, inbandEnd, end, oob.size(), inbandEnd - HEADER) ^ fingerprint);
            setPosition(end);
            return end;
        }

        /** Bulk-copies {@code src} into the buffer (native byte order). */
        void writeSegment(MemorySegment src) {
            long n = src.byteSize();
            long off = 0;
            while (off < n) {
                int chunk = (int) Math.min(n - off, 1 << 20);
                require(chunk);
                MemorySegment.copy(src, off, MemorySegment.ofArray(buffer), position, chunk);
                position += chunk;
                off += chunk;
            }
        }

        void clear() {
            oob.clear();
            threshold = Long.MAX_VALUE;
            setPosition(0);
            if (buffer.length > SHRINK_ABOVE) {
                setBuffer(new byte[4096], -1);
            }
        }
    }

    /** Guards the header and the part descriptors (not the in-band bytes: the serializer checks those). */
    static int checksum(byte[] b, int from, int to, int nparts, int inband) {
        int h = 0x6A09E667 ^ (nparts * 0x9E3779B9) ^ (inband * 31);
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h;
    }

    static byte kindOf(Object p) {
        return switch (p) {
            case byte[] a -> BYTES;
            case short[] a -> SHORTS;
            case char[] a -> CHARS;
            case int[] a -> INTS;
            case long[] a -> LONGS;
            case float[] a -> FLOATS;
            case double[] a -> DOUBLES;
            case MemorySegment m -> SEGMENT;
            default -> throw new IllegalStateException("not a part: " + p.getClass());
        };
    }

    /** Kryo's input over a received frame, plus the out-of-band parts received with it. */
    static final class FrameInput extends Input {
        private static final int SHRINK_ABOVE = 1 << 20;
        private static final Object[] NO_PARTS = {};
        private static final byte[] NO_KINDS = {};
        private static final long[] NO_BYTES = {};
        Object[] parts = NO_PARTS;
        byte[] kinds = NO_KINDS;
        long[] partBytes = NO_BYTES;
        final ObjectFrame frame;

        FrameInput(ObjectFrame frame) {
            super(4096);
            this.frame = frame;
        }

        byte[] ensure(int n) {
            if (buffer.length < n) {
                setBuffer(new byte[Math.max(n, buffer.length * 2)]);
            }
            return buffer;
        }

        Object[] open(int length, int source, int tag) {
            int nparts = parse(length, source, tag);
            if (nparts == 0) {
                return NO_PARTS;
            }
            Object[] p = new Object[nparts];
            for (int i = 0; i < nparts; i++) {
                p[i] = allocatePart(i);
            }
            return p;
        }

        /** The serializer's registration fingerprint the sender wrote in the header. */
        int fingerprint;

        int parse(int length, int source, int tag) {
            this.source = source;
            this.tag = tag;
            setBuffer(buffer, 0, length);
            if (length < HEADER) {
                throw notAnObject(length + " bytes is too short");
            }
            int magic = readInt();
            int nparts = readInt();
            int inband = readInt();
            fingerprint = readInt();
            int check = readInt() ^ fingerprint;
            if (magic != MAGIC) {
                throw notAnObject("bad magic number");
            }
            if (nparts < 0 || inband < 0 || (long) HEADER + inband + (long) nparts * DESCRIPTOR != length
                    || check != checksum(buffer, HEADER + inband, length, nparts, inband)) {
                // a corrupt header could announce parts that never come: refuse it before waiting for them
                throw notAnObject("corrupt header");
            }
            setPosition(HEADER + inband);
            if (nparts == 0) {
                parts = NO_PARTS;
                kinds = NO_KINDS;
                partBytes = NO_BYTES;
                setLimit(HEADER + inband);
                setPosition(HEADER);
                return 0;
            }
            Object[] p = new Object[nparts];
            kinds = new byte[nparts];
            partBytes = new long[nparts];
            for (int i = 0; i < nparts; i++) {
                byte kind = readByte();
                long count = readLong();
                long bytes = byteSize(kind, count);
                if (bytes < 0 || count < 0 || (kind != SEGMENT && count > Integer.MAX_VALUE - 8)) {
                    throw notAnObject("bad out-of-band descriptor");
                }
                kinds[i] = kind;
                partBytes[i] = bytes;
            }
            parts = p;
            setLimit(HEADER + inband);
            setPosition(HEADER);
            return nparts;
        }

        Object allocatePart(int i) {
            Object a = allocate(kinds[i], kinds[i] == SEGMENT ? partBytes[i] : partBytes[i] / byteSize(kinds[i], 1),
                    false);
            parts[i] = a;
            return a;
        }

        private int source;
        private int tag;

        private SerializationException notAnObject(String why) {
            return new SerializationException("cannot deserialize the message " + from(source, tag)
                    + ": not an mpi4j object message (" + why + ")");
        }

        /** Out-of-band part {@code index}, which must be of {@code kind}. */
        Object part(int index, byte kind) {
            if (index < 0 || index >= parts.length || kinds[index] != kind) {
                throw new KryoException("corrupt message: bad out-of-band reference " + index);
            }
            return parts[index];
        }

        /** Checks that {@code n} more bytes are in the frame (corrupt lengths must not allocate). */
        void need(long n) {
            if (n < 0 || n > limit - position) {
                throw new KryoException("corrupt message: " + n + " bytes announced, " + (limit - position) + " left");
            }
        }

        /** Bulk-copies the next bytes into {@code dst} (native byte order). */
        void readSegment(MemorySegment dst) {
            long n = dst.byteSize();
            need(n);
            MemorySegment.copy(MemorySegment.ofArray(buffer), position, dst, 0, n);
            position += (int) n;
        }

        void clear() {
            parts = NO_PARTS;
            if (buffer.length > SHRINK_ABOVE) {
                setBuffer(new byte[4096]);
            }
        }
    }
}
