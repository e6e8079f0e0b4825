package org.mpi4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;

/**
 * {@code java.io} serialization: objects must implement {@link java.io.Serializable}. Slower and
 * larger than Kryo, but it honours {@code writeObject}/{@code readResolve} and needs no
 * registration. Install it with {@code ObjectSerializer.setDefault(new JavaSerializer())}.
 *
 * <p>Classes are resolved through the calling thread's context class loader, then the loader of
 * mpi4j, so programs loaded by their own loader (as {@code org.mpi4j.Run} does) can receive their
 * own types.
 */
public final class JavaSerializer implements ObjectSerializer {

    /** A Java serializer. */
    public JavaSerializer() {
    }

    @Override
    public void serialize(Object obj, OutputStream out) throws IOException {
        ObjectOutputStream oos = new ObjectOutputStream(out);
        oos.writeObject(obj);
        oos.flush();
    }

    @Override
    public Object deserialize(InputStream in) throws IOException, ClassNotFoundException {
        return new ObjectInputStream(in) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                ClassLoader context = Thread.currentThread().getContextClassLoader();
                if (context != null) {
                    try {
                        return Class.forName(desc.getName(), false, context);
                    } catch (ClassNotFoundException e) {
                        // fall through to the default lookup (primitives, mpi4j's own loader)
                    }
                }
                return super.resolveClass(desc);
            }
        }.readObject();
    }

    @Override
    public String toString() {
        return "JavaSerializer";
    }
}
