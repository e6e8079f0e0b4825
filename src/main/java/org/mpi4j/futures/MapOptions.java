package org.mpi4j.futures;

/**
 * How {@link MpiExecutor#map(SerializableFunction, Iterable, MapOptions)} cuts its inputs into
 * tasks and how far it reads ahead: mpi4py's {@code chunksize}, {@code buffersize} and
 * {@code unordered}.
 *
 * @param chunkSize  inputs per task (at least 1): larger chunks send fewer messages, smaller ones
 *                   balance the load better
 * @param bufferSize at most this many chunks are submitted and not yet consumed, so that an endless
 *                   input does not fill the memory; 0 reads all inputs at once (mpi4py's default)
 * @param ordered    results in the order of the inputs; false yields each chunk's results as soon
 *                   as it is done
 */
public record MapOptions(int chunkSize, int bufferSize, boolean ordered) {
    /** Chunks of 1, at most 1024 chunks ahead of the consumer, in order. */
    public static final MapOptions DEFAULT = new MapOptions(1, 1024, true);

    /** Checks the values. */
    public MapOptions {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1: " + chunkSize);
        }
        if (bufferSize < 0) {
            throw new IllegalArgumentException("bufferSize must be 0 (no bound) or positive: " + bufferSize);
        }
    }

    /** These options with {@code chunkSize} inputs per task. */
    public MapOptions withChunkSize(int chunkSize) {
        return new MapOptions(chunkSize, bufferSize, ordered);
    }

    /** These options with at most {@code bufferSize} chunks pending (0: no bound). */
    public MapOptions withBufferSize(int bufferSize) {
        return new MapOptions(chunkSize, bufferSize, ordered);
    }

    /** These options, yielding results in completion order. */
    public MapOptions unordered() {
        return new MapOptions(chunkSize, bufferSize, false);
    }
}
