package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.Scratch;

/**
 * An attribute key ({@code MPI_Comm_create_keyval}, {@code MPI_Type_create_keyval},
 * {@code MPI_Win_create_keyval}): caches a Java object of type {@code T} on communicators
 * ({@link Comm#setAttr}), datatypes ({@link Datatype#setAttr}) or windows ({@link Win#setAttr}).
 * The object stays in the JVM; MPI holds a token for it and calls back into Java (upcalls) to copy
 * it when its communicator or datatype is duplicated ({@code copier}, null: not copied; windows are
 * never duplicated) and to drop it when the attribute is deleted, replaced or its object freed
 * ({@code deleter}, null: nothing to do). A key is for one kind of object: using it on another
 * throws {@link IllegalArgumentException}.
 *
 * <p>Free a keyval with {@link #free()} or try-with-resources once no object holds its attribute
 * any more: mpi4j refuses to free a keyval in use, whose values could otherwise never be deleted
 * from Java. The predefined attributes ({@link Attribute}) need no keyval.
 *
 * @param <T> the type of the cached objects
 */
public final class Keyval<T> implements AutoCloseable {

    /** Makes the value a duplicated object gets, or null to give it none. */
    @FunctionalInterface
    public interface Copier<T> {
        /** The copy of {@code value} for the new object, or null to leave the attribute unset there. */
        T copy(T value);

        /** The same object shared by the original and every duplicate ({@code MPI_COMM_DUP_FN}). */
        static <T> Copier<T> share() {
            return v -> v;
        }
    }

    /** The kinds of object attributes are cached on, with their MPI functions. */
    enum Kind {
        COMM("communicator", "Comm"),
        DATATYPE("datatype", "Type"),
        WIN("window", "Win");

        final String noun;
        /** The part of the MPI function names: MPI_Comm_set_attr, MPI_Type_set_attr, MPI_Win_set_attr. */
        private final String mpi;

        Kind(String noun, String mpi) {
            this.noun = noun;
            this.mpi = mpi;
        }

        String function(String verb) {
            return "MPI_" + mpi + "_" + verb;
        }
    }

    private static final FunctionDescriptor COPY_FN = FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS);
    private static final FunctionDescriptor DELETE_FN = FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS);
    /** One pair of stubs for every keyval: MPI passes the keyval's id as extra_state. */
    private static final MemorySegment COPY_STUB;
    private static final MemorySegment DELETE_STUB;
    private static final int SUCCESS = mpi_h.MPI_SUCCESS();

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle copy = lookup.findStatic(Keyval.class, "copyUpcall", MethodType.methodType(int.class,
                    MemorySegment.class, int.class, MemorySegment.class, MemorySegment.class, MemorySegment.class,
                    MemorySegment.class));
            MethodHandle delete = lookup.findStatic(Keyval.class, "deleteUpcall", MethodType.methodType(int.class,
                    MemorySegment.class, int.class, MemorySegment.class, MemorySegment.class));
            COPY_STUB = Linker.nativeLinker().upcallStub(copy, COPY_FN, Arena.global());
            DELETE_STUB = Linker.nativeLinker().upcallStub(delete, DELETE_FN, Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final AtomicLong IDS = new AtomicLong();
    /** The keyvals alive, by the id MPI hands back as extra_state. */
    private static final Map<Long, Keyval<?>> BY_ID = new ConcurrentHashMap<>();

    private final Kind kind;
    private final long id = IDS.incrementAndGet();
    private final Copier<T> copier;
    private final Consumer<? super T> deleter;
    /** The cached values by token (the attribute value MPI holds). */
    private final Map<Long, T> values = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();
    private int keyval;
    private boolean freed;

    private Keyval(Kind kind, Copier<T> copier, Consumer<? super T> deleter) {
        this.kind = kind;
        this.copier = copier;
        this.deleter = deleter;
    }

    /**
     * {@code MPI_Comm_create_keyval}: a key for attributes of communicators.
     *
     * @param copier  the value a duplicate ({@code dup}, {@code idup}) gets; null: none
     * @param deleter called with a value when it is deleted, replaced, or its communicator freed;
     *                null: nothing
     */
    public static <T> Keyval<T> forComm(Copier<T> copier, Consumer<? super T> deleter) {
        Keyval<T> k = new Keyval<>(Kind.COMM, copier, deleter);
        k.create();
        return k;
    }

    /** A communicator key without callbacks: duplicates do not inherit the value. */
    public static <T> Keyval<T> forComm() {
        return forComm(null, null);
    }

    /**
     * {@code MPI_Type_create_keyval}: a key for attributes of datatypes, as {@link #forComm}.
     * Open MPI may drop a freed datatype's attributes later, when the last operation that uses it
     * completes; so while a datatype keyval exists, Java arrays travel through native copies instead
     * of critical downcalls (an upcall inside one would abort the JVM).
     */
    public static <T> Keyval<T> forDatatype(Copier<T> copier, Consumer<? super T> deleter) {
        Keyval<T> k = new Keyval<>(Kind.DATATYPE, copier, deleter);
        k.create();
        return k;
    }

    /**
     * {@code MPI_Win_create_keyval}: a key for attributes of windows, as {@link #forComm} without a
     * copier (windows are never duplicated).
     *
     * @param deleter called with a value when it is deleted, replaced, or its window freed; null: nothing
     */
    public static <T> Keyval<T> forWin(Consumer<? super T> deleter) {
        Keyval<T> k = new Keyval<>(Kind.WIN, null, deleter);
        k.create();
        return k;
    }

    /** A window key without a deleter. */
    public static <T> Keyval<T> forWin() {
        return forWin(null);
    }

    private void create() {
        Environment.ensureInitialized();
        Scratch s = Scratch.get();
        MemorySegment extra = MemorySegment.ofAddress(id);
        BY_ID.put(id, this);
        int rc = switch (kind) {
            case COMM -> mpi_h.MPI_Comm_create_keyval(COPY_STUB, DELETE_STUB, s.int0, extra);
            case DATATYPE -> mpi_h.MPI_Type_create_keyval(COPY_STUB, DELETE_STUB, s.int0, extra);
            case WIN -> mpi_h.MPI_Win_create_keyval(COPY_STUB, DELETE_STUB, s.int0, extra);
        };
        if (rc != SUCCESS) {
            BY_ID.remove(id);
        }
        Errors.check(rc, kind.function("create_keyval"));
        keyval = s.int0();
        if (kind == Kind.DATATYPE) {
            Downcalls.upcallSourceAdded();
        }
    }

    /** The MPI keyval number. */
    public int value() {
        return keyval;
    }

    /** How many objects hold this key's attribute now. */
    public int inUse() {
        return values.size();
    }

    /** Whether {@link #free()} has been called. */
    public boolean isFreed() {
        return freed;
    }

    /**
     * {@code MPI_Comm_free_keyval} / {@code MPI_Type_free_keyval} / {@code MPI_Win_free_keyval}.
     * Freeing twice is harmless.
     *
     * @throws IllegalStateException if an object still holds this key's attribute
     */
    public synchronized void free() {
        if (freed) {
            return;
        }
        if (!values.isEmpty()) {
            throw new IllegalStateException("keyval " + keyval + " is in use: " + values.size() + " "
                    + kind.noun + "(s) still hold its attribute; deleteAttr or free them first");
        }
        Scratch s = Scratch.get();
        s.int0.set(ValueLayout.JAVA_INT, 0, keyval);
        Errors.check(switch (kind) {
            case COMM -> mpi_h.MPI_Comm_free_keyval(s.int0);
            case DATATYPE -> mpi_h.MPI_Type_free_keyval(s.int0);
            case WIN -> mpi_h.MPI_Win_free_keyval(s.int0);
        }, kind.function("free_keyval"));
        freed = true;
        BY_ID.remove(id);
        if (kind == Kind.DATATYPE) {
            Downcalls.upcallSourceRemoved();
        }
    }

    /** The same as {@link #free()}, for try-with-resources. */
    @Override
    public void close() {
        free();
    }

    private int live(Kind on) {
        if (freed) {
            throw new IllegalStateException("this keyval has been freed");
        }
        if (on != kind) {
            throw new IllegalArgumentException("a " + kind.noun + " keyval cannot be used on a " + on.noun);
        }
        return keyval;
    }

    // ---- the attribute calls of Comm, Datatype and Win ----------------------------------------------

    /** {@code MPI_*_set_attr}: caches {@code value} on the object {@code h} of kind {@code on}. */
    void set(Kind on, MemorySegment h, T value) {
        Errors.checkNotNull(value, "attribute value");
        int k = live(on);
        long token = store(value);
        MemorySegment v = MemorySegment.ofAddress(token);
        int rc = switch (on) {
            case COMM -> mpi_h.MPI_Comm_set_attr(h, k, v);
            case DATATYPE -> mpi_h.MPI_Type_set_attr(h, k, v);
            case WIN -> mpi_h.MPI_Win_set_attr(h, k, v);
        };
        if (rc != SUCCESS) {
            values.remove(token);
        }
        Errors.check(rc, on.function("set_attr"));
        Errors.rethrowUpcallFailure(); // the deleter of a replaced value
    }

    /** {@code MPI_*_get_attr}: the value cached on {@code h}, if any. */
    Optional<T> get(Kind on, MemorySegment h) {
        int k = live(on);
        Scratch s = Scratch.get();
        Errors.check(switch (on) {
            case COMM -> mpi_h.MPI_Comm_get_attr(h, k, s.handle0, s.int0);
            case DATATYPE -> mpi_h.MPI_Type_get_attr(h, k, s.handle0, s.int0);
            case WIN -> mpi_h.MPI_Win_get_attr(h, k, s.handle0, s.int0);
        }, on.function("get_attr"));
        return s.int0() == 0 ? Optional.empty() : Optional.ofNullable(values.get(s.handle0().address()));
    }

    /** {@code MPI_*_delete_attr}: deletes the value cached on {@code h} (running the deleter). */
    void delete(Kind on, MemorySegment h) {
        int k = live(on);
        Errors.check(switch (on) {
            case COMM -> mpi_h.MPI_Comm_delete_attr(h, k);
            case DATATYPE -> mpi_h.MPI_Type_delete_attr(h, k);
            case WIN -> mpi_h.MPI_Win_delete_attr(h, k);
        }, on.function("delete_attr"));
        Errors.rethrowUpcallFailure();
    }

    private long store(T value) {
        long token = tokens.incrementAndGet();
        values.put(token, value);
        return token;
    }

    // ---- upcalls: never let an exception into MPI ----------------------------------------------------

    private static int copyUpcall(MemorySegment oldObject, int keyval, MemorySegment extraState, MemorySegment in,
            MemorySegment out, MemorySegment flag) {
        try {
            return BY_ID.get(extraState.address()).copy(in.address(), out.reinterpret(ValueLayout.ADDRESS.byteSize()),
                    flag.reinterpret(4));
        } catch (Throwable t) {
            Errors.upcallFailed(t);
            return mpi_h.MPI_ERR_OTHER();
        }
    }

    private int copy(long token, MemorySegment out, MemorySegment flag) {
        T value = values.get(token);
        T copied = value == null || copier == null ? null : copier.copy(value);
        if (copied == null) {
            flag.set(ValueLayout.JAVA_INT, 0, 0);
        } else {
            out.set(ValueLayout.ADDRESS, 0, MemorySegment.ofAddress(store(copied)));
            flag.set(ValueLayout.JAVA_INT, 0, 1);
        }
        return SUCCESS;
    }

    private static int deleteUpcall(MemorySegment object, int keyval, MemorySegment value, MemorySegment extraState) {
        try {
            Keyval<?> k = BY_ID.get(extraState.address());
            k.drop(value.address());
            return SUCCESS;
        } catch (Throwable t) {
            Errors.upcallFailed(t);
            return mpi_h.MPI_ERR_OTHER();
        }
    }

    private void drop(long token) {
        T value = values.remove(token);
        if (value != null && deleter != null) {
            deleter.accept(value);
        }
    }

    @Override
    public String toString() {
        return "Keyval[" + kind.noun + (freed ? ", freed" : ", " + keyval + ", in use " + values.size()) + "]";
    }
}
