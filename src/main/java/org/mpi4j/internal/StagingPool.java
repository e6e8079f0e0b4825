package org.mpi4j.internal;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayDeque;

/**
 * The native memory behind {@link Staged}: {@code malloc}/{@code free}, with large blocks kept for
 * reuse. A nonblocking operation on a Java array needs a native copy of it for as long as MPI works
 * on it; fresh large blocks from the C library come from {@code mmap}, and every page of them
 * faults (and is zeroed by the kernel) on first touch, then goes back to the kernel on
 * {@code free}. Measured with 64 isend/irecv of 4 MiB arrays in flight: 1.1 GB/s with fresh
 * blocks against 8.4 GB/s for C on native memory. Reused blocks are already mapped, so only the
 * copy itself remains.
 *
 * <p>Blocks of at least {@link #MIN_POOLED} bytes are rounded up to a power of two and kept, when
 * released, while the pool holds at most {@code -Dmpi4j.stagingPool} bytes (default 256 MiB): the
 * pool grows to the largest amount of heap data a program has had in flight at once, up to that
 * bound, and no further. Any thread may take and give back (a request may complete on another thread
 * than the one that started it).
 */
public final class StagingPool {
    private StagingPool() {
    }

    /** Smaller blocks come from {@code malloc}'s own free lists, which serve them without page faults. */
    public static final long MIN_POOLED = 64 * 1024;

    private static final long CAPACITY = Long.getLong("mpi4j.stagingPool", 256L << 20);

    private static final MethodHandle MALLOC;
    private static final MethodHandle FREE;
    private static final MethodHandle MMAP;
    private static final MethodHandle MUNMAP;

    static {
        Linker linker = Linker.nativeLinker();
        MALLOC = linker.downcallHandle(linker.defaultLookup().find("malloc").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
        FREE = linker.downcallHandle(linker.defaultLookup().find("free").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        MMAP = linker.downcallHandle(linker.defaultLookup().find("mmap").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
        MUNMAP = linker.downcallHandle(linker.defaultLookup().find("munmap").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    }

    /**
     * The address space behind every receive block ({@code -Dmpi4j.receiveReserve}, default 32 GiB):
     * Open MPI 4.1 writes a truncated message above the eager limit whole, from the start of the
     * receive buffer, so a receive whose message size is not known when it is posted ({@code irecv},
     * {@code recvInit} of a Java array) gets a block this large, of which only the pages the
     * message touches are ever backed by memory. Java arrays hold at most 16 GiB, so a message of
     * up to 16 GiB more than its array lands in the reservation, never in other memory.
     */
    public static final long RECEIVE_RESERVE = Long.getLong("mpi4j.receiveReserve", 32L << 30);

    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    /** MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE (Linux): address space without committed memory. */
    private static final int MAP_RESERVE = 0x02 | 0x20 | 0x4000;
    /** At most this many receive reservations are kept for reuse. */
    private static final int MAX_RESERVATIONS = 64;

    /** Free receive reservations, each with the bytes its last users touched. */
    private static final ArrayDeque<Reservation> FREE_RESERVATIONS = new ArrayDeque<>();
    private static long reservedTouched;

    /** A receive block: {@link #RECEIVE_RESERVE} bytes of address space, the first {@code touched} used. */
    public static final class Reservation {
        private final MemorySegment block;
        private long touched;

        private Reservation(MemorySegment block, long touched) {
            this.block = block;
            this.touched = touched;
        }

        /** The whole reservation. */
        public MemorySegment block() {
            return block;
        }

        long touched() {
            return touched;
        }
    }

    /**
     * A receive block of at least {@code bytes} bytes followed by the rest of a
     * {@link #RECEIVE_RESERVE} reservation, so that a truncated message cannot reach other memory;
     * null if the process may not reserve that much address space (then use {@link #take}).
     */
    public static Reservation takeReceive(long bytes) {
        if (bytes > RECEIVE_RESERVE / 2) {
            throw new IllegalArgumentException("a receive buffer of " + bytes + " bytes is larger than half of"
                    + " -Dmpi4j.receiveReserve (" + RECEIVE_RESERVE + " bytes)");
        }
        synchronized (FREE_RESERVATIONS) {
            Reservation r = FREE_RESERVATIONS.poll();
            if (r != null) {
                reservedTouched -= r.touched;
                r.touched = Math.max(r.touched, bytes);
                return r;
            }
        }
        MemorySegment m;
        try {
            m = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, RECEIVE_RESERVE, PROT_READ_WRITE, MAP_RESERVE, -1, 0L);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
        if (m.address() == -1L) {
            // address space limited (ulimit -v): an ordinary block, as large as the buffer only
            return null;
        }
        return new Reservation(m.reinterpret(RECEIVE_RESERVE), bytes);
    }

    /**
     * Gives back a receive block; {@code spoiled} (its receive failed, maybe after writing a
     * truncated message far past its buffer) unmaps it, so that the pages the message touched go.
     */
    public static void giveReceive(Reservation r, boolean spoiled) {
        if (!spoiled) {
            synchronized (FREE_RESERVATIONS) {
                if (FREE_RESERVATIONS.size() < MAX_RESERVATIONS && reservedTouched + r.touched() <= CAPACITY) {
                    FREE_RESERVATIONS.push(r);
                    reservedTouched += r.touched();
                    return;
                }
            }
        }
        int rc;
        try {
            rc = (int) MUNMAP.invokeExact(r.block(), RECEIVE_RESERVE);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
        if (rc != 0) {
            throw new IllegalStateException("munmap of a receive reservation failed");
        }
    }

    /** Free blocks by size class: index k holds blocks of 2^k bytes. */
    @SuppressWarnings("unchecked")
    private static final ArrayDeque<MemorySegment>[] FREE_BLOCKS = new ArrayDeque[64];
    private static long retained;

    /** A block of at least {@code bytes} bytes (its own size may be larger). */
    public static MemorySegment take(long bytes) {
        if (bytes < MIN_POOLED) {
            return malloc(Math.max(bytes, 1L));
        }
        int k = sizeClass(bytes);
        synchronized (FREE_BLOCKS) {
            ArrayDeque<MemorySegment> blocks = FREE_BLOCKS[k];
            if (blocks != null && !blocks.isEmpty()) {
                MemorySegment m = blocks.pop();
                retained -= m.byteSize();
                return m;
            }
        }
        return malloc(1L << k);
    }

    /** Gives back a block {@link #take} returned. */
    public static void give(MemorySegment block) {
        long size = block.byteSize();
        if (size >= MIN_POOLED && Long.bitCount(size) == 1) {
            synchronized (FREE_BLOCKS) {
                if (retained + size <= CAPACITY) {
                    int k = Long.numberOfTrailingZeros(size);
                    if (FREE_BLOCKS[k] == null) {
                        FREE_BLOCKS[k] = new ArrayDeque<>();
                    }
                    FREE_BLOCKS[k].push(block);
                    retained += size;
                    return;
                }
            }
        }
        try {
            FREE.invokeExact(block);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The bytes the pool holds now (for tests). */
    public static long retained() {
        synchronized (FREE_BLOCKS) {
            return retained;
        }
    }

    private static int sizeClass(long bytes) {
        return 64 - Long.numberOfLeadingZeros(bytes - 1);
    }

    private static MemorySegment malloc(long bytes) {
        MemorySegment m;
        try {
            m = (MemorySegment) MALLOC.invokeExact(bytes);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
        if (m.equals(MemorySegment.NULL)) {
            throw new OutOfMemoryError("cannot allocate " + bytes + " bytes of native staging memory");
        }
        return m.reinterpret(bytes);
    }
}
