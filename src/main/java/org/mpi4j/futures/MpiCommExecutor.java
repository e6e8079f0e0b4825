package org.mpi4j.futures;

import java.util.Objects;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.ThreadLevel;

/**
 * An executor over the processes of a communicator, for programs started with
 * {@code mpiexec -n N}: mpi4py's {@code MPICommExecutor}. Every process calls {@link #create};
 * on the root it returns at once an executor that submits to the other processes; on the others
 * it serves tasks until the root closes its executor, then returns an executor that only answers
 * {@link #isRoot()} with false.
 *
 * <pre>{@code
 * try (MpiCommExecutor ex = MpiCommExecutor.create(MPI.COMM_WORLD, 0)) {
 *     if (ex.isRoot()) {
 *         List<Integer> squares = ex.map((Integer x) -> x * x, List.of(1, 2, 3)).toList();
 *     }
 * }
 * }</pre>
 *
 * <p>With one process the root is its own worker: a thread of it serves the tasks (still
 * serialized, as on other processes). The executor works on a duplicate of the communicator, so
 * its messages never mix with the program's; MPI must run at {@link ThreadLevel#MULTIPLE}
 * (mpi4j's default), since the root's dispatcher thread calls MPI beside the program's threads.
 */
public final class MpiCommExecutor extends MpiExecutor {
    private final Intracomm comm;
    private final int root;
    private final boolean isRoot;
    private final Thread localWorker;
    private boolean released;

    private MpiCommExecutor(Dispatcher dispatcher, Intracomm comm, int root, boolean isRoot, Thread localWorker) {
        super(dispatcher);
        this.comm = comm;
        this.root = root;
        this.isRoot = isRoot;
        this.localWorker = localWorker;
    }

    /** {@link #create(Intracomm, int)} over {@code MPI.COMM_WORLD} with root 0. */
    public static MpiCommExecutor create() {
        return create(MPI.COMM_WORLD, 0, null);
    }

    /**
     * Makes an executor whose root is {@code root} and whose workers are the other processes of
     * {@code comm}. Collective over {@code comm}: on the workers it returns only once the root has
     * closed (or shut down) its executor.
     *
     * @throws IllegalArgumentException if {@code root} is not a rank of {@code comm}
     * @throws IllegalStateException    if MPI does not run at {@link ThreadLevel#MULTIPLE}
     */
    public static MpiCommExecutor create(Intracomm comm, int root) {
        return create(comm, root, null);
    }

    /**
     * {@link #create(Intracomm, int)} with an initializer that every worker runs once, before its
     * first task. Should it throw on a worker, the executor is broken: every task fails with a
     * {@link java.util.concurrent.RejectedExecutionException} whose cause is the remote exception,
     * and new submissions are rejected.
     *
     * @param initializer null for none
     */
    public static MpiCommExecutor create(Intracomm comm, int root, SerializableRunnable initializer) {
        Objects.requireNonNull(comm, "comm");
        if (comm.isInter()) {
            throw new IllegalArgumentException("MpiCommExecutor needs an intracommunicator");
        }
        int size = comm.size();
        if (root < 0 || root >= size) {
            throw new IllegalArgumentException("root " + root + " is not a rank of a communicator of size " + size);
        }
        if (MPI.queryThread() != ThreadLevel.MULTIPLE) {
            throw new IllegalStateException("MpiCommExecutor needs MPI at ThreadLevel.MULTIPLE (mpi4j's default),"
                    + " not " + MPI.queryThread());
        }
        byte[] init = null;
        if (comm.rank() == root && initializer != null) {
            Wire.checkSerializable(initializer);
            init = Wire.encode(0, Wire.INIT, initializer);
        }
        Intracomm dup = comm.dup();
        if (dup.rank() != root) {
            Worker.serve(dup, root);
            dup.free();
            return new MpiCommExecutor(null, null, root, false, null);
        }
        int[] workers;
        Thread local = null;
        if (size == 1) {
            // the root serves itself, from a thread: the same messages as with other processes
            workers = new int[] {root};
            local = Thread.ofPlatform().name("mpi4j-futures-worker").daemon(true)
                    .unstarted(() -> Worker.serve(dup, root));
            local.setContextClassLoader(Thread.currentThread().getContextClassLoader());
            local.start();
        } else {
            workers = new int[size - 1];
            for (int r = 0, i = 0; r < size; r++) {
                if (r != root) {
                    workers[i++] = r;
                }
            }
        }
        Dispatcher d = new Dispatcher(dup, workers, "mpi4j-futures-dispatcher");
        d.start(init);
        return new MpiCommExecutor(d, dup, root, true, local);
    }

    /** True on the root, which submits; false on the processes that served as workers. */
    public boolean isRoot() {
        return isRoot;
    }

    /** The root's rank in the communicator. */
    public int root() {
        return root;
    }

    @Override
    synchronized void release() {
        if (released || comm == null) {
            return;
        }
        released = true;
        if (localWorker != null) {
            try {
                localWorker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        comm.free();
    }

    @Override
    public String toString() {
        return "MpiCommExecutor[" + (isRoot ? "root, " + workerCount() + " workers" : "worker") + "]";
    }
}
