package org.mpi4j.futures;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A {@link Callable} that can be sent to another process: a lambda or method reference typed as
 * this interface is serializable, so that {@code executor.submit(() -> work(x))} can run on a
 * worker. {@link MpiExecutor#submit(SerializableCallable)} picks this type for lambdas by itself.
 *
 * @param <V> the result type
 */
@FunctionalInterface
public interface SerializableCallable<V> extends Callable<V>, Serializable {
}
