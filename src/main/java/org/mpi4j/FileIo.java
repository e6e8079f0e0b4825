package org.mpi4j;

import java.lang.foreign.MemorySegment;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.Downcalls;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;
import org.mpi4j.internal.Staged;

/**
 * The I/O family's buffer converter: checks a buffer against its count and datatype once, decides
 * once between passing native memory as it is and staging heap memory, and makes the call.
 * {@link File}'s data access methods are a few lines over it.
 *
 * <p>Heap segments: a blocking access at an explicit offset or the individual file pointer, on an
 * array of a predefined type, goes to the array itself in independent calls that are critical
 * downcalls, and a collective one adds the collective call with no data ({@link #inPlace}); the
 * collective call itself is never critical, because it may wait for the other ranks for a long
 * time, and a critical call would hold off every garbage collection of this JVM meanwhile. Every
 * other access copies heap memory through native memory from {@link org.mpi4j.internal.StagingPool}
 * (pooled, so a loop over a large array reuses one mapped block). A blocking staged read copies
 * back only what MPI read (the status's byte count) when the memory type is contiguous; otherwise,
 * and for every nonblocking read, the staging is first filled with the buffer's contents and copied
 * back whole, so the bytes MPI did not write keep their values.
 *
 * <p>Open MPI 4.1's ompio needs three workarounds here, each measured: nonblocking and split reads
 * past the end of the file never complete ({@link #readsSynchronously}), collective reads past the
 * end fill the buffer with bytes the file does not hold ({@link #elementsInFile}), and collective
 * writes to a read-only file on 3 or more processes report success ({@link File#checkAccess}).
 */
final class FileIo {
    private FileIo() {
    }

    /** The data access routines, by the MPI function each calls. */
    enum Access {
        READ_AT("MPI_File_read_at", true, true),
        READ_AT_ALL("MPI_File_read_at_all", true, true),
        WRITE_AT("MPI_File_write_at", false, true),
        WRITE_AT_ALL("MPI_File_write_at_all", false, true),
        READ("MPI_File_read", true, false),
        READ_ALL("MPI_File_read_all", true, false),
        WRITE("MPI_File_write", false, false),
        WRITE_ALL("MPI_File_write_all", false, false),
        READ_SHARED("MPI_File_read_shared", true, false),
        WRITE_SHARED("MPI_File_write_shared", false, false),
        READ_ORDERED("MPI_File_read_ordered", true, false),
        WRITE_ORDERED("MPI_File_write_ordered", false, false),
        IREAD_AT("MPI_File_iread_at", true, true),
        IREAD_AT_ALL("MPI_File_iread_at_all", true, true),
        IWRITE_AT("MPI_File_iwrite_at", false, true),
        IWRITE_AT_ALL("MPI_File_iwrite_at_all", false, true),
        IREAD("MPI_File_iread", true, false),
        IREAD_ALL("MPI_File_iread_all", true, false),
        IWRITE("MPI_File_iwrite", false, false),
        IWRITE_ALL("MPI_File_iwrite_all", false, false),
        IREAD_SHARED("MPI_File_iread_shared", true, false),
        IWRITE_SHARED("MPI_File_iwrite_shared", false, false),
        READ_AT_ALL_BEGIN("MPI_File_read_at_all_begin", true, true),
        WRITE_AT_ALL_BEGIN("MPI_File_write_at_all_begin", false, true),
        READ_ALL_BEGIN("MPI_File_read_all_begin", true, false),
        WRITE_ALL_BEGIN("MPI_File_write_all_begin", false, false),
        READ_ORDERED_BEGIN("MPI_File_read_ordered_begin", true, false),
        WRITE_ORDERED_BEGIN("MPI_File_write_ordered_begin", false, false);

        final String function;
        final boolean read;
        final boolean explicitOffset;

        Access(String function, boolean read, boolean explicitOffset) {
            this.function = function;
            this.read = read;
            this.explicitOffset = explicitOffset;
        }

        /** The blocking call with the same effect as this nonblocking or split one. */
        Access blocking() {
            return switch (this) {
                case IREAD_AT -> READ_AT;
                case IREAD_AT_ALL, READ_AT_ALL_BEGIN -> READ_AT_ALL;
                case IREAD -> READ;
                case IREAD_ALL, READ_ALL_BEGIN -> READ_ALL;
                case IREAD_SHARED -> READ_SHARED;
                case READ_ORDERED_BEGIN -> READ_ORDERED;
                default -> throw new IllegalArgumentException(this + " has no blocking read counterpart");
            };
        }

        /** Whether this is a blocking collective call: {@link #inPlace} makes it with no data. */
        boolean blockingCollective() {
            return this == READ_AT_ALL || this == WRITE_AT_ALL || this == READ_ALL || this == WRITE_ALL;
        }

        /** The name of the {@code _end} call that completes this {@code _begin} call. */
        String endFunction() {
            return function.replace("_begin", "_end");
        }
    }

    /**
     * Checks the (buffer, count, type) triple, the offset and the file's access mode; returns the
     * bytes the buffer spans.
     */
    private static long check(File file, Access op, long offset, MemorySegment buf, long count, Datatype type) {
        long bytes = Buffers.span(buf, count, type);
        file.checkAccess(op.read, op.function);
        if (op.read) {
            Buffers.checkWritable(buf);
        }
        if (op.explicitOffset && offset < 0) {
            throw new IllegalArgumentException("negative file offset: " + offset);
        }
        return bytes;
    }

    /** Whether a staged read must start from the buffer's contents (holes of a derived type). */
    private static boolean copyIn(Access op, Datatype type) {
        return !op.read || !Buffers.contiguous(type);
    }

    /**
     * A blocking data access: {@code op} on {@code count} elements of {@code type} in {@code buf}
     * (at {@code offset} for the explicit-offset calls); fills {@code status} if not null.
     */
    static long blocking(File file, Access op, long offset, MemorySegment buf, long count, Datatype type,
            Status status) {
        MemorySegment fh = file.handle();
        long bytes = check(file, op, offset, buf, count, type);
        if (op == Access.READ_AT_ALL || op == Access.READ_ALL) {
            count = elementsInFile(file, op.explicitOffset ? offset : file.position(), count, type);
        }
        Scratch s = Scratch.get();
        // ompio fills only the count and error of a status: the other fields stay as set here
        OpenMpiAbi.setStatus(s.status, 0, 0, mpi_h.MPI_SUCCESS(), false, 0);
        int n = Buffers.mpiCount(count);
        MemorySegment t = Buffers.mpiType(count, type);
        int rc;
        try {
            if (Downcalls.isNative(buf)) {
                rc = call(op, fh, offset, buf, n, t, s.status);
            } else if (goesInPlace(file, op, type)) {
                rc = inPlace(file, op, fh, offset, buf, count, type, s.status);
            } else {
                Staged st = Staged.of(buf, bytes, copyIn(op, type));
                try {
                    rc = call(op, fh, offset, st.segment(), n, t, s.status);
                    if (op.read && rc == mpi_h.MPI_SUCCESS()) {
                        st.copyBack(Buffers.contiguous(type) ? OpenMpiAbi.statusBytes(s.status) : bytes);
                    }
                } finally {
                    st.release();
                }
            }
        } finally {
            Buffers.releaseType(t, type);
        }
        Errors.check(rc, op.function);
        if (status != null) {
            status.fill(s.status);
        }
        return OpenMpiAbi.statusBytes(s.status);
    }

    /** The largest independent access made on a Java array at once (see {@link #inPlace}); tests lower it. */
    static volatile long inPlaceChunk = 16L << 20;

    /**
     * Whether a blocking access to a heap buffer goes to the array itself ({@link #inPlace}) rather
     * than through a staging copy: for the plain and collective calls at explicit offsets and at the
     * individual file pointer (not the shared pointer, whose lock another process holds), on arrays
     * of a predefined type, when no Java code can be called back (a Java error handler on the file,
     * a Java reduction in flight: an upcall in a critical downcall aborts the JVM), outside atomic
     * mode (whose one-call atomicity chunks would break), and for writes only when every process of
     * the file is on this node ({@link File#criticalAccessAllowed}).
     */
    private static boolean goesInPlace(File file, Access op, Datatype type) {
        return switch (op) {
            case READ_AT, WRITE_AT, READ, WRITE, READ_AT_ALL, WRITE_AT_ALL, READ_ALL, WRITE_ALL ->
                    Buffers.contiguous(type) && Downcalls.criticalAllowed()
                            && file.criticalAccessAllowed(op.read);
            default -> false;
        };
    }

    /**
     * A blocking access to a Java array without a copy: independent accesses in critical downcalls
     * of at most {@link #inPlaceChunk} bytes each (so a garbage collection waits for one system call
     * at most), and for a collective call, the collective itself with no data (every process
     * still makes it, as MPI requires, and other processes' data take part as usual). A collective
     * call must not be critical: it may wait for the other processes for as long as they take, and
     * would hold off this JVM's garbage collections meanwhile. Independent I/O waits for nobody.
     * MPI lets an implementation carry out any collective access as independent ones (ROMIO does
     * when the processes' accesses do not interleave); the data in the file and the buffer, the
     * file pointer and the status are the same. Measured on 4 MiB per process (README, Parallel
     * I/O): at or above C's speed, where staged reads ran at a third of it and writes at half.
     */
    private static int inPlace(File file, Access op, MemorySegment fh, long offset, MemorySegment buf, long count,
            Datatype type, MemorySegment status) {
        long size = type.size();
        long etype = file.etypeSize();
        long unit = size / gcd(size, etype) * etype; // chunk boundaries on whole elements and etypes
        long limit = inPlaceChunk;
        long chunk = unit >= limit ? unit : limit / unit * unit;
        long total = count * size;
        long done = 0;
        int rc = mpi_h.MPI_SUCCESS();
        MemorySegment t = type.handle();
        while (done < total) {
            long bytes = Math.min(chunk, total - done);
            OpenMpiAbi.setStatus(status, 0, 0, mpi_h.MPI_SUCCESS(), false, 0);
            rc = Downcalls.fileAccess(op.read, op.explicitOffset, fh, offset + done / etype, buf.asSlice(done, bytes),
                    (int) (bytes / size), t, status);
            if (rc != mpi_h.MPI_SUCCESS()) {
                break;
            }
            long moved = op.read ? OpenMpiAbi.statusBytes(status) : bytes;
            done += moved;
            if (moved < bytes) {
                break; // the end of the file
            }
        }
        if (op.blockingCollective()) {
            int collective = call(op, fh, offset, MemorySegment.NULL, 0, t, mpi_h.MPI_STATUS_IGNORE());
            rc = rc != mpi_h.MPI_SUCCESS() ? rc : collective;
        }
        OpenMpiAbi.setStatus(status, 0, 0, rc, false, done);
        return rc;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * A nonblocking data access; the request owns the buffer (or its staging) until it completes.
     * A read that Open MPI would never complete (see {@link #readsSynchronously}) is done at once by
     * its blocking counterpart, and the request returned is already complete.
     */
    static Request start(File file, Access op, long offset, MemorySegment buf, long count, Datatype type) {
        MemorySegment fh = file.handle();
        long bytes = check(file, op, offset, buf, count, type);
        if (op.read && readsSynchronously(file, op, offset, count, type)) {
            return Completed.of(blocking(file, op.blocking(), offset, buf, count, type, null));
        }
        Scratch s = Scratch.get();
        int n = Buffers.mpiCount(count);
        MemorySegment t = Buffers.mpiType(count, type);
        try {
            if (Downcalls.isNative(buf)) {
                Errors.check(icall(op, fh, offset, buf, n, t, s.handle0), op.function);
                return new Request(s.handle0(), false, buf, null);
            }
            // A read is staged with the buffer's contents and copied back whole: the status of a
            // completed ompio request does not say reliably how much it read (its cancelled, source
            // and tag fields are left undefined), and the bytes it did not read keep their values.
            Staged st = Staged.of(buf, bytes, true);
            int rc = icall(op, fh, offset, st.segment(), n, t, s.handle0);
            if (rc != mpi_h.MPI_SUCCESS()) {
                st.release();
                throw Errors.failure(rc, op.function);
            }
            return op.read ? new Request(s.handle0(), false, st, st::copyBackAndRelease)
                    : Request.staged(s.handle0(), false, st, Request.STAGE_SEND);
        } finally {
            Buffers.releaseType(t, type);
        }
    }

    /**
     * Whether a nonblocking or split read is done by its blocking counterpart instead. Open MPI
     * 4.1's ompio never completes a nonblocking read that reaches past the end of the file (its
     * posix fbtl waits for bytes that do not exist: a C program hangs in {@code MPI_Wait} as well),
     * and its split collectives are nonblocking reads underneath. So collective and shared-pointer
     * reads, whose file positions other processes decide, are always done at once (MPI lets an
     * implementation do a nonblocking operation's work when it starts); an individual read only
     * when it reaches past the end of the file as it is now.
     */
    static boolean readsSynchronously(File file, Access op, long offset, long count, Datatype type) {
        return switch (op) {
            case IREAD_AT, IREAD -> reachesPastEnd(file, op.explicitOffset ? offset : file.position(),
                    count * type.size());
            default -> true;
        };
    }

    /** Whether {@code bytes} of data from view offset {@code offset} end beyond the file's last byte. */
    private static boolean reachesPastEnd(File file, long offset, long bytes) {
        long etypes = etypesOf(file, bytes);
        return etypes > 0 && endOf(file, offset, etypes) > file.sizeOnDisk();
    }

    private static long etypesOf(File file, long bytes) {
        long etype = file.etypeSize();
        return (bytes + etype - 1) / etype;
    }

    /** The file byte after the last of {@code etypes} etypes of the view from view offset {@code offset}. */
    private static long endOf(File file, long offset, long etypes) {
        return file.byteOffsetInView(offset + etypes - 1) + file.etypeFileExtent();
    }

    /**
     * How many of {@code count} elements of {@code type} from view offset {@code offset} lie wholly
     * in the file. Open MPI's collective reads on 3 or more processes fill the part of a buffer beyond
     * the end of the file with bytes the file does not hold (open-mpi/ompi#14015 reports their status
     * counts too), so a collective read is cut to the elements the file has: it reads fewer, says so
     * in its status, and leaves the rest of the buffer alone. (An element cut by the end of the file is
     * not read; MPI would read its first bytes.)
     */
    static long elementsInFile(File file, long offset, long count, Datatype type) {
        long size = type.size();
        long etypes = etypesOf(file, count * size);
        long fileSize = etypes == 0 ? 0 : file.sizeOnDisk();
        if (etypes == 0 || endOf(file, offset, etypes) <= fileSize) {
            return count;
        }
        long lo = 0; // etypes known to fit
        long hi = etypes; // etypes known not to fit
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (endOf(file, offset, mid) <= fileSize) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo * file.etypeSize() / size;
    }

    /**
     * A split collective in progress: what its {@code _end} call needs; for a read done at the
     * {@code _begin} call ({@link #readsSynchronously}), the bytes it read.
     */
    record Split(Access op, MemorySegment buf, Staged staged, long bytesRead) {
        /** The memory MPI works on. */
        MemorySegment memory() {
            return staged == null ? buf : staged.segment();
        }
    }

    /** The {@code _begin} half of a split collective; the returned state goes to {@link #end}. */
    static Split begin(File file, Access op, long offset, MemorySegment buf, long count, Datatype type) {
        MemorySegment fh = file.handle();
        long bytes = check(file, op, offset, buf, count, type);
        if (op.read) {
            return new Split(op, buf, null, blocking(file, op.blocking(), offset, buf, count, type, null));
        }
        int n = Buffers.mpiCount(count);
        MemorySegment t = Buffers.mpiType(count, type);
        try {
            Staged st = Downcalls.isNative(buf) ? null : Staged.of(buf, bytes, true);
            Split split = new Split(op, buf, st, -1);
            int rc = beginCall(op, fh, offset, split.memory(), n, t);
            if (rc != mpi_h.MPI_SUCCESS()) {
                if (st != null) {
                    st.release();
                }
                throw Errors.failure(rc, op.function);
            }
            return split;
        } finally {
            Buffers.releaseType(t, type);
        }
    }

    /** The {@code _end} half: completes {@code split}, fills {@code status}. */
    static void end(File file, Split split, Status status) {
        MemorySegment fh = file.handle();
        Scratch s = Scratch.get();
        if (split.op.read) {
            OpenMpiAbi.setStatus(s.status, 0, 0, mpi_h.MPI_SUCCESS(), false, split.bytesRead);
        } else {
            int rc;
            OpenMpiAbi.setStatus(s.status, 0, 0, mpi_h.MPI_SUCCESS(), false, 0);
            try {
                rc = endCall(split.op, fh, split.memory(), s.status);
            } finally {
                if (split.staged != null) {
                    split.staged.release();
                }
            }
            Errors.check(rc, split.op.endFunction());
        }
        if (status != null) {
            status.fill(s.status);
        }
    }

    /**
     * Requests that are complete when they are made, for the reads done at once: generalized
     * requests ({@code MPI_Grequest_start}, then {@code MPI_Grequest_complete}) whose query
     * function reports the bytes read. The byte count travels as the {@code extra_state} pointer
     * itself, so nothing is allocated and nothing needs freeing.
     */
    static final class Completed {
        private static final MemorySegment QUERY;
        private static final MemorySegment FREE;
        private static final MemorySegment CANCEL;

        static {
            try {
                var lookup = java.lang.invoke.MethodHandles.lookup();
                var linker = java.lang.foreign.Linker.nativeLinker();
                var arena = java.lang.foreign.Arena.global();
                QUERY = linker.upcallStub(lookup.findStatic(Completed.class, "query", java.lang.invoke.MethodType
                        .methodType(int.class, MemorySegment.class, MemorySegment.class)),
                        org.mpi4j.ffi.MPI_Grequest_query_function.descriptor(), arena);
                FREE = linker.upcallStub(lookup.findStatic(Completed.class, "free", java.lang.invoke.MethodType
                        .methodType(int.class, MemorySegment.class)),
                        org.mpi4j.ffi.MPI_Grequest_free_function.descriptor(), arena);
                CANCEL = linker.upcallStub(lookup.findStatic(Completed.class, "cancel", java.lang.invoke.MethodType
                        .methodType(int.class, MemorySegment.class, int.class)),
                        org.mpi4j.ffi.MPI_Grequest_cancel_function.descriptor(), arena);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private Completed() {
        }

        /** A complete request whose status reports {@code bytes} bytes. */
        static Request of(long bytes) {
            Scratch s = Scratch.get();
            Errors.check(mpi_h.MPI_Grequest_start(QUERY, FREE, CANCEL, MemorySegment.ofAddress(bytes), s.handle0),
                    "MPI_Grequest_start");
            MemorySegment h = s.handle0();
            Errors.check(mpi_h.MPI_Grequest_complete(h), "MPI_Grequest_complete");
            return new Request(h, false, null, null);
        }

        private static int query(MemorySegment extraState, MemorySegment status) {
            OpenMpiAbi.setStatus(status.reinterpret(OpenMpiAbi.statusSize()), 0, 0, mpi_h.MPI_SUCCESS(), false,
                    extraState.address());
            return mpi_h.MPI_SUCCESS();
        }

        private static int free(MemorySegment extraState) {
            return mpi_h.MPI_SUCCESS();
        }

        private static int cancel(MemorySegment extraState, int complete) {
            return mpi_h.MPI_SUCCESS();
        }
    }

    private static int call(Access op, MemorySegment fh, long off, MemorySegment buf, int n, MemorySegment t,
            MemorySegment st) {
        return switch (op) {
            case READ_AT -> mpi_h.MPI_File_read_at(fh, off, buf, n, t, st);
            case READ_AT_ALL -> mpi_h.MPI_File_read_at_all(fh, off, buf, n, t, st);
            case WRITE_AT -> mpi_h.MPI_File_write_at(fh, off, buf, n, t, st);
            case WRITE_AT_ALL -> mpi_h.MPI_File_write_at_all(fh, off, buf, n, t, st);
            case READ -> mpi_h.MPI_File_read(fh, buf, n, t, st);
            case READ_ALL -> mpi_h.MPI_File_read_all(fh, buf, n, t, st);
            case WRITE -> mpi_h.MPI_File_write(fh, buf, n, t, st);
            case WRITE_ALL -> mpi_h.MPI_File_write_all(fh, buf, n, t, st);
            case READ_SHARED -> mpi_h.MPI_File_read_shared(fh, buf, n, t, st);
            case WRITE_SHARED -> mpi_h.MPI_File_write_shared(fh, buf, n, t, st);
            case READ_ORDERED -> mpi_h.MPI_File_read_ordered(fh, buf, n, t, st);
            case WRITE_ORDERED -> mpi_h.MPI_File_write_ordered(fh, buf, n, t, st);
            default -> throw new IllegalArgumentException(op + " is not a blocking call");
        };
    }

    private static int icall(Access op, MemorySegment fh, long off, MemorySegment buf, int n, MemorySegment t,
            MemorySegment req) {
        return switch (op) {
            case IREAD_AT -> mpi_h.MPI_File_iread_at(fh, off, buf, n, t, req);
            case IREAD_AT_ALL -> mpi_h.MPI_File_iread_at_all(fh, off, buf, n, t, req);
            case IWRITE_AT -> mpi_h.MPI_File_iwrite_at(fh, off, buf, n, t, req);
            case IWRITE_AT_ALL -> mpi_h.MPI_File_iwrite_at_all(fh, off, buf, n, t, req);
            case IREAD -> mpi_h.MPI_File_iread(fh, buf, n, t, req);
            case IREAD_ALL -> mpi_h.MPI_File_iread_all(fh, buf, n, t, req);
            case IWRITE -> mpi_h.MPI_File_iwrite(fh, buf, n, t, req);
            case IWRITE_ALL -> mpi_h.MPI_File_iwrite_all(fh, buf, n, t, req);
            case IREAD_SHARED -> mpi_h.MPI_File_iread_shared(fh, buf, n, t, req);
            case IWRITE_SHARED -> mpi_h.MPI_File_iwrite_shared(fh, buf, n, t, req);
            default -> throw new IllegalArgumentException(op + " is not a nonblocking call");
        };
    }

    private static int beginCall(Access op, MemorySegment fh, long off, MemorySegment buf, int n, MemorySegment t) {
        return switch (op) {
            case READ_AT_ALL_BEGIN -> mpi_h.MPI_File_read_at_all_begin(fh, off, buf, n, t);
            case WRITE_AT_ALL_BEGIN -> mpi_h.MPI_File_write_at_all_begin(fh, off, buf, n, t);
            case READ_ALL_BEGIN -> mpi_h.MPI_File_read_all_begin(fh, buf, n, t);
            case WRITE_ALL_BEGIN -> mpi_h.MPI_File_write_all_begin(fh, buf, n, t);
            case READ_ORDERED_BEGIN -> mpi_h.MPI_File_read_ordered_begin(fh, buf, n, t);
            case WRITE_ORDERED_BEGIN -> mpi_h.MPI_File_write_ordered_begin(fh, buf, n, t);
            default -> throw new IllegalArgumentException(op + " is not a split collective");
        };
    }

    private static int endCall(Access op, MemorySegment fh, MemorySegment buf, MemorySegment st) {
        return switch (op) {
            case READ_AT_ALL_BEGIN -> mpi_h.MPI_File_read_at_all_end(fh, buf, st);
            case WRITE_AT_ALL_BEGIN -> mpi_h.MPI_File_write_at_all_end(fh, buf, st);
            case READ_ALL_BEGIN -> mpi_h.MPI_File_read_all_end(fh, buf, st);
            case WRITE_ALL_BEGIN -> mpi_h.MPI_File_write_all_end(fh, buf, st);
            case READ_ORDERED_BEGIN -> mpi_h.MPI_File_read_ordered_end(fh, buf, st);
            case WRITE_ORDERED_BEGIN -> mpi_h.MPI_File_write_ordered_end(fh, buf, st);
            default -> throw new IllegalArgumentException(op + " is not a split collective");
        };
    }
}
