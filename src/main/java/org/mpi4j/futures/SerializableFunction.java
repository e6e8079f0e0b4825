package org.mpi4j.futures;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A {@link Function} that can be sent to another process: the function of
 * {@link MpiExecutor#map(SerializableFunction, Iterable)}.
 *
 * @param <T> the input type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Function<T, R>, Serializable {
}
