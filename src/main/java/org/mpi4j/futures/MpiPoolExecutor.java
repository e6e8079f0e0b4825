package org.mpi4j.futures;

import org.mpi4j.Attribute;
import org.mpi4j.Info;
import org.mpi4j.Intercomm;
import org.mpi4j.MPI;
import org.mpi4j.ThreadLevel;

/**
 * An executor that spawns its own Java worker processes: mpi4py's {@code MPIPoolExecutor}. The
 * workers are started with {@link org.mpi4j.Intracomm#spawnJava} (this JVM's launcher, class path
 * and mpi4j properties; more JVM options in the property {@code mpi4j.spawn.javaOptions}); when
 * this program runs through {@link org.mpi4j.Run}, the workers load the same program, so that its
 * lambdas arrive intact. Closing the pool runs the submitted tasks to the end, stops the workers
 * and disconnects from them.
 *
 * <pre>{@code
 * try (MpiPoolExecutor pool = MpiPoolExecutor.create(4)) {
 *     double sum = pool.map((Integer i) -> Math.sqrt(i), inputs).mapToDouble(d -> d).sum();
 * }
 * }</pre>
 */
public final class MpiPoolExecutor extends MpiExecutor {
    private final Intercomm workers;
    private boolean released;

    private MpiPoolExecutor(Dispatcher dispatcher, Intercomm workers) {
        super(dispatcher);
        this.workers = workers;
    }

    /**
     * The default number of workers, as mpi4py's: the MPI universe size minus the processes
     * already running ({@code MPI_UNIVERSE_SIZE - size of COMM_WORLD}), at least 1.
     */
    public static int defaultWorkerCount() {
        int world = MPI.COMM_WORLD.size();
        return Math.max(1, MPI.COMM_WORLD.getAttr(Attribute.UNIVERSE_SIZE).orElse(world + 1) - world);
    }

    /** A pool of {@link #defaultWorkerCount()} workers. */
    public static MpiPoolExecutor create() {
        return create(defaultWorkerCount(), null);
    }

    /**
     * A pool of {@code workers} spawned worker processes.
     *
     * @throws IllegalArgumentException if {@code workers < 1}
     * @throws org.mpi4j.MpiException   if MPI cannot spawn them
     */
    public static MpiPoolExecutor create(int workers) {
        return create(workers, null);
    }

    /**
     * A pool of {@code workers} processes, each of which runs {@code initializer} once before its
     * first task (null for none). Should the initializer throw, the pool is broken: its tasks fail
     * with a {@link java.util.concurrent.RejectedExecutionException} whose cause is the remote
     * exception, and new submissions are rejected.
     */
    public static MpiPoolExecutor create(int workers, SerializableRunnable initializer) {
        if (workers < 1) {
            throw new IllegalArgumentException("a pool needs at least 1 worker: " + workers);
        }
        if (MPI.queryThread() != ThreadLevel.MULTIPLE) {
            throw new IllegalStateException("MpiPoolExecutor needs MPI at ThreadLevel.MULTIPLE (mpi4j's default),"
                    + " not " + MPI.queryThread());
        }
        byte[] init = null;
        if (initializer != null) {
            Wire.checkSerializable(initializer);
            init = Wire.encode(0, Wire.INIT, initializer);
        }
        String[] args = org.mpi4j.run.Runner.program().map(p -> new String[] {p}).orElse(new String[0]);
        Intercomm comm = MPI.COMM_SELF.spawnJava(PoolWorker.class.getName(), args, workers, Info.NULL, 0);
        int[] ranks = new int[workers];
        for (int i = 0; i < workers; i++) {
            ranks[i] = i;
        }
        Dispatcher d = new Dispatcher(comm, ranks, "mpi4j-futures-pool");
        d.start(init);
        return new MpiPoolExecutor(d, comm);
    }

    @Override
    synchronized void release() {
        if (!released) {
            released = true;
            workers.disconnect();
        }
    }

    @Override
    public String toString() {
        return "MpiPoolExecutor[" + workerCount() + " workers]";
    }
}
