package org.mpi4j;

/**
 * An access or exposure epoch of a {@link Win}, opened by {@link Win#lock}, {@link Win#lockAll},
 * {@link Win#start} or {@link Win#post}; {@link #close()} ends it with the matching call
 * ({@code unlock}, {@code unlockAll}, {@code complete}, {@code wait}), so try-with-resources
 * brackets the epoch:
 *
 * <pre>{@code
 * try (Epoch e = win.lock(LockType.EXCLUSIVE, 1)) {
 *     win.put(buf, 1, 0);
 * }
 * }</pre>
 *
 * <p>A window keeps one epoch object per kind (and per target rank for locks) and hands out the same
 * one each time, so opening an epoch allocates nothing. Ending the epoch with the plain call
 * ({@link Win#unlock} etc.) instead of {@link #close()} is fine: a closed epoch does nothing when
 * closed again.
 */
public final class Epoch implements AutoCloseable {
    enum Kind { LOCK, LOCK_ALL, START, POST }

    private final Win win;
    private final Kind kind;
    private final int rank;
    private boolean open;

    Epoch(Win win, Kind kind, int rank) {
        this.win = win;
        this.kind = kind;
        this.rank = rank;
    }

    void opened() {
        open = true;
    }

    void ended() {
        open = false;
    }

    /** For messages: the target rank of a lock epoch, or nothing. */
    String target() {
        return kind == Kind.LOCK ? " (rank " + rank + ")" : "";
    }

    /** Whether the epoch is open: begun and not yet ended. */
    public boolean isOpen() {
        return open;
    }

    /**
     * Ends the epoch: {@code MPI_Win_unlock} (lock), {@code MPI_Win_unlock_all} (lockAll),
     * {@code MPI_Win_complete} (start) or {@code MPI_Win_wait} (post). Does nothing if it has
     * ended already.
     */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        switch (kind) {
            case LOCK -> win.unlock(rank);
            case LOCK_ALL -> win.unlockAll();
            case START -> win.complete();
            case POST -> win.waitFor();
        }
    }

    @Override
    public String toString() {
        return "Epoch[" + kind + (kind == Kind.LOCK ? " " + rank : "") + (open ? ", open]" : ", ended]");
    }
}
