package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.mpi_h;

/**
 * An MPI call returned an error. Carries the error code, its {@link ErrorClass} and the text of
 * {@code MPI_Error_string}. Unchecked: MPI errors are programming or environment errors, and every
 * communicator mpi4j hands out uses {@code MPI_ERRORS_RETURN}, so the process goes on.
 */
public class MpiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final transient ErrorClass errorClass;
    private final int errorClassValue;
    private final String errorString;

    /** Builds the exception for {@code errorCode}, asking the library for its class and text. */
    public MpiException(int errorCode) {
        this(errorCode, null);
    }

    /** As {@link #MpiException(int)}, naming the MPI function that failed. */
    public MpiException(int errorCode, String function) {
        this(errorCode, classOf(errorCode), stringOf(errorCode), function);
    }

    private MpiException(int errorCode, int errorClassValue, String errorString, String function) {
        super((function == null ? "" : function + ": ") + errorString + " (" + describe(errorClassValue)
                + ", code " + errorCode + ")");
        this.errorCode = errorCode;
        this.errorClassValue = errorClassValue;
        this.errorClass = ErrorClass.of(errorClassValue);
        this.errorString = errorString;
    }

    private static String describe(int errorClassValue) {
        ErrorClass c = ErrorClass.of(errorClassValue);
        return c == ErrorClass.UNKNOWN_CLASS ? "error class " + errorClassValue : c.toString();
    }

    /** The error code the MPI call returned. */
    public int errorCode() {
        return errorCode;
    }

    /**
     * The standard error class of {@link #errorCode()}; {@link ErrorClass#UNKNOWN_CLASS} for a class
     * added with {@link MPI#addErrorClass()} (see {@link #errorClassValue()}).
     */
    public ErrorClass errorClass() {
        return errorClass;
    }

    /** The numeric error class of {@link #errorCode()} ({@code MPI_Error_class}), user-defined ones included. */
    public int errorClassValue() {
        return errorClassValue;
    }

    /** The library's text for {@link #errorCode()} ({@code MPI_Error_string}). */
    public String errorString() {
        return errorString;
    }

    private static int classOf(int code) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cls = arena.allocate(ValueLayout.JAVA_INT);
            if (mpi_h.MPI_Error_class(code, cls) != mpi_h.MPI_SUCCESS()) {
                return ErrorClass.UNKNOWN_CLASS.value();
            }
            return cls.get(ValueLayout.JAVA_INT, 0);
        }
    }

    private static String stringOf(int code) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment str = arena.allocate(mpi_h.MPI_MAX_ERROR_STRING() + 1L);
            MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
            if (mpi_h.MPI_Error_string(code, str, len) != mpi_h.MPI_SUCCESS()) {
                return "MPI error " + code;
            }
            return str.getString(0);
        }
    }
}
