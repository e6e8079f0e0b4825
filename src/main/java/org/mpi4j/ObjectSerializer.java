package org.mpi4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * How the object methods ({@link Comm#sendObject}, {@link Intracomm#bcastObject}, ...) turn Java
 * objects into bytes and back: mpi4j's counterpart of mpi4py's pickle. The default is a
 * {@link KryoSerializer}; {@link JavaSerializer} uses {@code java.io} serialization instead, and
 * any other format can be plugged in by implementing the two methods.
 *
 * <p>Every process must use the same serializer, configured the same way. Implementations must
 * be safe for use by several threads at once.
 *
 * <p>The streams passed in are mpi4j's pooled message buffers; a serializer must neither close
 * them nor keep them after returning. {@code deserialize} must read exactly what
 * {@code serialize} wrote.
 */
public interface ObjectSerializer {

    /** Writes {@code obj} (which may be null) to {@code out}. */
    void serialize(Object obj, OutputStream out) throws IOException;

    /** Reads back an object written by {@link #serialize}. */
    Object deserialize(InputStream in) throws IOException, ClassNotFoundException;

    /** The serializer the object methods use; a {@link KryoSerializer} unless changed. */
    static ObjectSerializer getDefault() {
        return ObjectFrame.serializer();
    }

    /**
     * Replaces the serializer of all object methods of this process; every process must make the
     * same change before the next object message.
     */
    static void setDefault(ObjectSerializer serializer) {
        ObjectFrame.setSerializer(Errors.checkNotNull(serializer, "serializer"));
    }
}
