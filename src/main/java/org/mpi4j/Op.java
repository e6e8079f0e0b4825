package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.CollectiveDowncalls;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;

/** A reduction operation ({@code MPI_Op}). The predefined operations are constants of this class. */
public class Op extends NativeHandle {
    /** {@code MPI_MAX}: Maximum. */
    public static final Op MAX = predefined("MPI_MAX");
    /** {@code MPI_MIN}: Minimum. */
    public static final Op MIN = predefined("MPI_MIN");
    /** {@code MPI_SUM}: Sum. */
    public static final Op SUM = predefined("MPI_SUM");
    /** {@code MPI_PROD}: Product. */
    public static final Op PROD = predefined("MPI_PROD");
    /** {@code MPI_LAND}: Logical and. */
    public static final Op LAND = predefined("MPI_LAND");
    /** {@code MPI_BAND}: Bitwise and. */
    public static final Op BAND = predefined("MPI_BAND");
    /** {@code MPI_LOR}: Logical or. */
    public static final Op LOR = predefined("MPI_LOR");
    /** {@code MPI_BOR}: Bitwise or. */
    public static final Op BOR = predefined("MPI_BOR");
    /** {@code MPI_LXOR}: Logical exclusive or. */
    public static final Op LXOR = predefined("MPI_LXOR");
    /** {@code MPI_BXOR}: Bitwise exclusive or. */
    public static final Op BXOR = predefined("MPI_BXOR");
    /** {@code MPI_MAXLOC}: Maximum and its location (pair types). */
    public static final Op MAXLOC = predefined("MPI_MAXLOC");
    /** {@code MPI_MINLOC}: Minimum and its location (pair types). */
    public static final Op MINLOC = predefined("MPI_MINLOC");
    /** {@code MPI_REPLACE}: Replace (one-sided accumulate). */
    public static final Op REPLACE = predefined("MPI_REPLACE");
    /** {@code MPI_NO_OP}: No operation (one-sided fetch). */
    public static final Op NO_OP = predefined("MPI_NO_OP");
    /** {@code MPI_OP_NULL}. */
    public static final Op NULL = new Op(OpenMpiAbi.predefined("MPI_OP_NULL"), true, true);

    Op(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
    }

    private static Op predefined(String mpiName) {
        return new Op(OpenMpiAbi.predefined(mpiName), true, false);
    }

    @Override
    String kind() {
        return "operation";
    }

    @Override
    int c2f(MemorySegment h) {
        return mpi_h.MPI_Op_c2f(h);
    }

    /** The predefined operations, and the Java-bodied ones alive, by handle address. */
    private static final java.util.Map<Long, Op> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        for (Op op : new Op[] {MAX, MIN, SUM, PROD, LAND, BAND, LOR, BOR, LXOR, BXOR, MAXLOC, MINLOC, REPLACE,
                NO_OP, NULL}) {
            KNOWN.put(op.rawHandle().address(), op);
        }
    }

    /**
     * Wraps a raw {@code MPI_Op} made elsewhere: a predefined operation, or one of this program's
     * Java-bodied ones (whose upcalls mpi4j must know about), comes back as itself; any other is
     * borrowed (see {@link NativeHandle#isBorrowed()}).
     *
     * @throws IllegalArgumentException if MPI knows no operation at that address
     */
    public static Op fromHandle(MemorySegment handle) {
        return fromForeign(handle, "operation", h -> KNOWN.get(h.address()), mpi_h::MPI_Op_c2f,
                mpi_h::MPI_Op_f2c, h -> new Op(h, false, false));
    }

    /** {@code MPI_Op_f2c}, as {@link #fromHandle}; an integer that names no operation is refused. */
    public static Op fromFortran(int fortranHandle) {
        return fromFortranHandle(fortranHandle, "operation", mpi_h::MPI_Op_f2c, Op::fromHandle);
    }

    @Override
    void release(MemorySegment handleRef) {
        KNOWN.remove(handleRef.get(ValueLayout.ADDRESS, 0).address());
        Errors.check(mpi_h.MPI_Op_free(handleRef), "MPI_Op_free");
    }

    // ---- user-defined operations -------------------------------------------------------------
    // The Java function runs in an FFM upcall. An exception must not unwind through MPI (the JVM
    // would crash), so the upcall catches it, the operation keeps the first one, and the reduction
    // that used the op rethrows it once MPI has returned (rethrowFailure).

    private static final FunctionDescriptor USER_FN = FunctionDescriptor.ofVoid(ValueLayout.ADDRESS,
            ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS);
    private static final MethodHandle INVOKE;

    static {
        try {
            INVOKE = MethodHandles.lookup().findVirtual(Op.class, "invoke", MethodType.methodType(void.class,
                    MemorySegment.class, MemorySegment.class, MemorySegment.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The Java body of a user-defined op; null for predefined ones. */
    private UserFunction function;
    /** The upcall stub MPI calls; reachable from this op (and from requests that use it). */
    private MemorySegment stub;
    /** The first exception the function threw and no reduction has rethrown yet. */
    private volatile Throwable failure;

    /**
     * {@code MPI_Op_create}: a reduction operation whose body is {@code function}.
     *
     * @param commute whether the operation is commutative (MPI may then reorder operands); an
     *                operation is always taken to be associative
     */
    public static Op create(UserFunction function, boolean commute) {
        Errors.checkNotNull(function, "function");
        Environment.ensureInitialized();
        Op op = new Op(null, false, false);
        op.function = function;
        op.stub = Linker.nativeLinker().upcallStub(INVOKE.bindTo(op), USER_FN, Arena.ofAuto());
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Op_create(op.stub, commute ? 1 : 0, s.handle0), "MPI_Op_create");
        op.setHandle(s.handle0());
        KNOWN.put(op.rawHandle().address(), op);
        return op;
    }

    /**
     * An element-wise operation on {@code double}s ({@link Datatype#DOUBLE}):
     * {@code inout[i] = f(in[i], inout[i])}.
     */
    public static Op ofDoubles(DoubleBinaryOperator f, boolean commute) {
        Errors.checkNotNull(f, "function");
        return create((in, inout, n, type) -> {
            requireType(type, 8, "double", Datatype.DOUBLE);
            for (long i = 0; i < n; i++) {
                inout.setAtIndex(ValueLayout.JAVA_DOUBLE, i, f.applyAsDouble(in.getAtIndex(ValueLayout.JAVA_DOUBLE, i),
                        inout.getAtIndex(ValueLayout.JAVA_DOUBLE, i)));
            }
        }, commute);
    }

    /**
     * An element-wise operation on {@code int}s ({@link Datatype#INT}, {@link Datatype#INT32_T}):
     * {@code inout[i] = f(in[i], inout[i])}.
     */
    public static Op ofInts(IntBinaryOperator f, boolean commute) {
        Errors.checkNotNull(f, "function");
        return create((in, inout, n, type) -> {
            requireType(type, 4, "int", Datatype.INT, Datatype.INT32_T);
            for (long i = 0; i < n; i++) {
                inout.setAtIndex(ValueLayout.JAVA_INT, i, f.applyAsInt(in.getAtIndex(ValueLayout.JAVA_INT, i),
                        inout.getAtIndex(ValueLayout.JAVA_INT, i)));
            }
        }, commute);
    }

    /**
     * An element-wise operation on {@code long}s ({@link Datatype#INT64_T}, {@link Datatype#LONG},
     * {@link Datatype#LONG_LONG}): {@code inout[i] = f(in[i], inout[i])}.
     */
    public static Op ofLongs(LongBinaryOperator f, boolean commute) {
        Errors.checkNotNull(f, "function");
        return create((in, inout, n, type) -> {
            requireType(type, 8, "long", Datatype.INT64_T, Datatype.LONG, Datatype.LONG_LONG);
            for (long i = 0; i < n; i++) {
                inout.setAtIndex(ValueLayout.JAVA_LONG, i, f.applyAsLong(in.getAtIndex(ValueLayout.JAVA_LONG, i),
                        inout.getAtIndex(ValueLayout.JAVA_LONG, i)));
            }
        }, commute);
    }

    private static void requireType(Datatype type, long size, String what, Datatype... accepted) {
        for (Datatype a : accepted) {
            if (a.equals(type)) {
                return;
            }
        }
        throw new IllegalArgumentException("this operation works on " + what + " elements, not on " + type);
    }

    /** {@code MPI_Op_commutative}: whether MPI may reorder the operands. */
    public boolean isCommutative() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Op_commutative(handle(), s.int0), "MPI_Op_commutative");
        return s.int0() != 0;
    }

    /**
     * {@code MPI_Reduce_local}: {@code inout[i] = in[i] op inout[i]} for {@code count} elements of
     * {@code type}, on this process only.
     */
    public void reduceLocal(MemorySegment in, MemorySegment inout, long count, Datatype type) {
        Buffers.check(in, count, type);
        Buffers.check(inout, count, type);
        Buffers.checkWritable(inout);
        int rc;
        boolean javaOp = Downcalls.userOpStarted(this.isUserDefined());
        try {
            rc = CollectiveDowncalls.reduceLocal(in, inout, (int) count, type.handle(), handle());
        } finally {
            Downcalls.userOpDone(javaOp);
        }
        if (function != null) {
            rethrowFailure();
        }
        Errors.check(rc, "MPI_Reduce_local");
    }

    /** {@code MPI_Reduce_local} over whole segments, count and datatype inferred from {@code in}. */
    public void reduceLocal(MemorySegment in, MemorySegment inout) {
        Datatype t = Buffers.typeOf(Errors.checkNotNull(in, "buffer"));
        reduceLocal(in, inout, Buffers.countOf(in, t), t);
    }

    /** Whether this operation's body is a Java function. */
    public boolean isUserDefined() {
        return function != null;
    }

    /** The upcall MPI makes: never lets an exception escape. */
    private void invoke(MemorySegment in, MemorySegment inout, MemorySegment lenPtr, MemorySegment typePtr) {
        if (failure != null) {
            return; // the result is undefined already; do not pile up further failures
        }
        try {
            int len = lenPtr.reinterpret(4).get(ValueLayout.JAVA_INT, 0);
            MemorySegment th = typePtr.reinterpret(ValueLayout.ADDRESS.byteSize()).get(ValueLayout.ADDRESS, 0);
            Datatype type = Datatype.predefinedOf(th);
            if (type == null) {
                type = Datatype.borrowed(th);
            }
            long bytes = Math.max(0, type.bytesFor(len));
            function.apply(in.reinterpret(bytes), inout.reinterpret(bytes), len, type);
        } catch (Throwable t) {
            if (failure == null) {
                failure = t;
            }
        }
    }

    /**
     * Rethrows what the Java body threw during the reduction that just returned, if anything:
     * a {@link RuntimeException} or {@link Error} as it is, a checked exception wrapped in an
     * {@link IllegalStateException}.
     */
    final void rethrowFailure() {
        Throwable t = failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException("user-defined operation failed: " + t, t);
        }
    }

    @Override
    public String toString() {
        if (isFreed()) {
            return "Op[freed]";
        }
        return function != null ? "Op[user-defined]" : "Op[predefined]";
    }
}
