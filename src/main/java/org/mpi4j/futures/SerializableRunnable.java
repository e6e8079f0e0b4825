package org.mpi4j.futures;

import java.io.Serializable;

/** A {@link Runnable} that can be sent to another process (a task without a result, an initializer). */
@FunctionalInterface
public interface SerializableRunnable extends Runnable, Serializable {
}
