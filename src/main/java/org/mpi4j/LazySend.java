package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.VirtualWait;

/**
 * The out-of-band messages of one {@link Comm#isendObject} whose Java arrays are sent through a
 * small window of native slots instead of one native copy as large as they are: a chunk is copied
 * into a slot and posted ({@code MPI_Isend}) only when an earlier chunk's send has completed. A
 * nonblocking send cannot pass a Java array itself: the garbage collector may move it.
 *
 * <p>The messages go out in order (the receiver takes them in that order by MPI's non-overtaking
 * rule); chunks of native memory are posted as they come, without a slot. Progress is made under
 * this object's lock by {@link LazySends}' pump thread and by the request's own test and wait, so
 * two threads never test one MPI request at once (MPI forbids it).
 */
final class LazySend {
    /** Native slots of {@link ObjectFrame#chunkLimit} bytes each: the memory a lazy send costs. */
    static final int WINDOW = 2;

    private final MemorySegment comm;
    private final int dest;
    private final int tag;
    /** The messages in order: slices of Java arrays (copied into a slot) or of native memory. */
    private final MemorySegment[] messages;
    private final Arena arena = Arena.ofShared();
    /** One {@code MPI_Request} per message. */
    private final MemorySegment requests;
    private final MemorySegment flag;
    private final MemorySegment byteType = Datatype.BYTE.handle();
    private final MemorySegment[] slots;
    /** The slot each posted message occupies, {@link #NO_SLOT} or {@link #COMPLETED}. */
    private final int[] slotOf;
    /** A message sent from native memory of its own (the user's, or a copy made by a flush). */
    private static final int NO_SLOT = -1;
    /** A message whose send has completed. */
    private static final int COMPLETED = -2;
    private final boolean[] slotBusy;
    /** Messages before this one have completed; this one up to {@link #next} are in flight. */
    private int oldest;
    /** The next message to post. */
    private int next;
    private volatile boolean finished;
    private RuntimeException failure;

    LazySend(MemorySegment comm, int dest, int tag, List<MemorySegment> messages) {
        this.comm = comm;
        this.dest = dest;
        this.tag = tag;
        this.messages = messages.toArray(MemorySegment[]::new);
        int n = this.messages.length;
        requests = arena.allocate(ValueLayout.ADDRESS, Math.max(1, n));
        flag = arena.allocate(ValueLayout.JAVA_INT);
        slotOf = new int[n];
        long slotBytes = 1;
        for (MemorySegment m : this.messages) {
            slotBytes = m.isNative() ? slotBytes : Math.max(slotBytes, m.byteSize());
        }
        slots = new MemorySegment[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            slots[i] = arena.allocate(slotBytes, 16);
        }
        slotBusy = new boolean[WINDOW];
    }

    /** Frees the slots of a send that never started (its frame could not be posted). */
    synchronized void discard() {
        finished = true;
        arena.close();
    }

    /** Whether a later message of this process to {@code (comm, dest, tag)} could overtake ours. */
    boolean sameKey(long commAddress, int dest, int tag) {
        return comm.address() == commAddress && this.dest == dest && this.tag == tag;
    }

    boolean sameComm(long commAddress) {
        return comm.address() == commAddress;
    }

    /**
     * Tests the messages in flight and posts the next ones the free slots allow.
     *
     * @return whether anything moved (a send completed or a message was posted)
     */
    synchronized boolean progress() {
        if (finished) {
            return false;
        }
        if (LazySends.stopped()) {
            fail(new IllegalStateException("MPI was finalized before this isendObject completed"));
            return true;
        }
        try {
            boolean moved = false;
            for (int i = oldest; i < next; i++) {
                if (slotOf[i] != COMPLETED && test(i)) {
                    moved = true;
                }
            }
            while (oldest < next && slotOf[oldest] == COMPLETED) {
                oldest++;
            }
            moved |= post(false);
            if (oldest == messages.length) {
                finished = true;
                arena.close();
                LazySends.remove(this);
            }
            return moved;
        } catch (RuntimeException e) {
            fail(e);
            return true;
        }
    }

    /** Tests message {@code i}; on completion frees its slot and marks it {@link #COMPLETED}. */
    private boolean test(int i) {
        Errors.check(mpi_h.MPI_Test(requests.asSlice(i * ValueLayout.ADDRESS.byteSize()), flag,
                mpi_h.MPI_STATUS_IGNORE()), "MPI_Test");
        if (flag.get(ValueLayout.JAVA_INT, 0) == 0) {
            return false;
        }
        if (slotOf[i] != NO_SLOT) {
            slotBusy[slotOf[i]] = false;
        }
        slotOf[i] = COMPLETED;
        messages[i] = null; // native memory sent in place is kept alive (its arena open) until here
        return true;
    }

    /**
     * Posts the next messages in order: native ones as they are, Java ones into a free slot, or,
     * if {@code all}, into fresh native memory when no slot is free.
     */
    private boolean post(boolean all) {
        boolean moved = false;
        while (next < messages.length) {
            MemorySegment m = messages[next];
            MemorySegment buf = m;
            int slot = NO_SLOT;
            if (!m.isNative()) {
                slot = freeSlot();
                if (slot == NO_SLOT && !all) {
                    break;
                }
                buf = slot == NO_SLOT ? arena.allocate(m.byteSize(), 16) : slots[slot].asSlice(0, m.byteSize());
                MemorySegment.copy(m, 0, buf, 0, m.byteSize());
                messages[next] = null; // copied: the array may go once its last chunk is out
            }
            Errors.check(mpi_h.MPI_Isend(buf, (int) buf.byteSize(), byteType, dest, tag, comm,
                    requests.asSlice(next * ValueLayout.ADDRESS.byteSize())), "MPI_Isend");
            if (slot != NO_SLOT) {
                slotBusy[slot] = true;
            }
            slotOf[next] = slot;
            next++;
            moved = true;
        }
        return moved;
    }

    private int freeSlot() {
        for (int i = 0; i < WINDOW; i++) {
            if (!slotBusy[i]) {
                return i;
            }
        }
        return NO_SLOT;
    }

    /**
     * Posts every message not yet posted at once, the Java ones copied into fresh native memory: a
     * later send to the same process with the same tag is about to go out and must not overtake
     * them. Never waits for a peer.
     */
    synchronized void flush() {
        if (finished || next == messages.length) {
            return;
        }
        try {
            post(true);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void fail(RuntimeException e) {
        // messages in flight may still use the arena: it is left to the process's end
        failure = e;
        finished = true;
        LazySends.remove(this);
    }

    /** Progresses this send; whether it has finished (then {@link #failure()} says how). */
    boolean test() {
        progress();
        return isFinished();
    }

    /** Progresses this send until it has finished, parking between attempts (the pump progresses it too). */
    void waitFor() {
        for (int i = 0; !test(); i++) {
            if (VirtualWait.applies()) {
                VirtualWait.backOff(i);
            } else {
                LockSupport.parkNanos(i < 20 ? 20_000L : 200_000L);
            }
        }
    }

    boolean isFinished() {
        return finished;
    }

    /** The error that stopped this send, or null. */
    synchronized RuntimeException failure() {
        return failure;
    }
}
