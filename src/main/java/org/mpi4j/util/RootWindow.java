package org.mpi4j.util;

import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;
import org.mpi4j.Epoch;
import org.mpi4j.Intracomm;
import org.mpi4j.LockType;
import org.mpi4j.Win;

/**
 * The window life cycle the synchronisation classes share: allocated collectively, initialised by
 * each process under a lock on itself, then one {@code lockAll} epoch for the object's whole life.
 */
final class RootWindow {
    private RootWindow() {
    }

    /**
     * A window of {@code bytes} here (unit {@code dispUnit}) over {@code comm}, {@code init} run on
     * this process's part before anyone accesses it, inside a {@code lockAll} epoch. Collective.
     */
    static Win open(Intracomm comm, long bytes, int dispUnit, Consumer<MemorySegment> init) {
        Win win = Win.allocate(bytes, dispUnit, comm);
        if (bytes > 0) {
            try (Epoch e = win.lock(LockType.EXCLUSIVE, comm.rank())) {
                init.accept(win.segment());
            }
        }
        comm.barrier();
        win.lockAll();
        return win;
    }

    /** Ends the epoch and frees the window, once. Collective. */
    static void close(Win win) {
        if (!win.isFreed()) {
            win.unlockAll();
            win.free();
        }
    }

    /** Checks that {@code root} is a rank of {@code comm}. */
    static void checkRoot(Intracomm comm, int root) {
        if (root < 0 || root >= comm.size()) {
            throw new IllegalArgumentException("root " + root + " is not a rank of the communicator of "
                    + comm.size() + " processes");
        }
    }
}
