package org.mpi4j;

/**
 * An object could not be turned into bytes (on the sender) or back into an object (on the
 * receiver). A failed serialization sends nothing; a failed deserialization has still received
 * the whole message, so that neither side waits for the other.
 */
public class SerializationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message and the serializer's own exception as its cause. */
    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An exception with a message only. */
    public SerializationException(String message) {
        super(message);
    }
}
