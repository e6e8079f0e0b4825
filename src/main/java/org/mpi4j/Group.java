package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;

/**
 * An ordered set of processes ({@code MPI_Group}). Groups are local objects: every operation here
 * is local to the calling process. Free them with {@link #free()} or try-with-resources.
 */
public final class Group extends NativeHandle {
    /** The group with no members ({@code MPI_GROUP_EMPTY}). */
    public static final Group EMPTY = new Group(OpenMpiAbi.predefined("MPI_GROUP_EMPTY"), true, false);
    /** {@code MPI_GROUP_NULL}. */
    public static final Group NULL = new Group(OpenMpiAbi.predefined("MPI_GROUP_NULL"), true, true);

    private Group(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
    }

    /**
     * Wraps a handle a constructor call left in {@code ref}. An empty result may be the
     * library's {@code MPI_GROUP_EMPTY} itself; it is still the caller's to free, as MPI allows.
     */
    static Group fromRef(MemorySegment ref) {
        return new Group(ref.get(ValueLayout.ADDRESS, 0), false, false);
    }

    @Override
    String kind() {
        return "group";
    }

    @Override
    int c2f(MemorySegment h) {
        return mpi_h.MPI_Group_c2f(h);
    }

    /**
     * Wraps a raw {@code MPI_Group} made elsewhere: {@link #EMPTY} and {@link #NULL} come back as
     * themselves, any other group is borrowed (see {@link NativeHandle#isBorrowed()}).
     *
     * @throws IllegalArgumentException if MPI knows no group at that address
     */
    public static Group fromHandle(MemorySegment handle) {
        return fromForeign(handle, "group", h -> h.equals(EMPTY.rawHandle()) ? EMPTY
                : h.equals(NULL.rawHandle()) ? NULL : null, mpi_h::MPI_Group_c2f, mpi_h::MPI_Group_f2c,
                h -> new Group(h, false, false));
    }

    /** {@code MPI_Group_f2c}, as {@link #fromHandle}; an integer that names no group is refused. */
    public static Group fromFortran(int fortranHandle) {
        return fromFortranHandle(fortranHandle, "group", mpi_h::MPI_Group_f2c, Group::fromHandle);
    }

    @Override
    void release(MemorySegment handleRef) {
        Errors.check(mpi_h.MPI_Group_free(handleRef), "MPI_Group_free");
    }

    /** {@code MPI_Group_size}. */
    public int size() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Group_size(handle(), s.int0), "MPI_Group_size");
        return s.int0();
    }

    /** {@code MPI_Group_rank}: the calling process's rank in the group, or {@link MPI#UNDEFINED}. */
    public int rank() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Group_rank(handle(), s.int0), "MPI_Group_rank");
        return s.int0();
    }

    /** {@code MPI_Group_incl}: the members at {@code ranks}, in that order. */
    public Group incl(int... ranks) {
        checkRanks(ranks);
        try (Arena arena = Arena.ofConfined()) {
            Scratch s = Scratch.get();
            Errors.check(mpi_h.MPI_Group_incl(handle(), ranks.length, arena.allocateFrom(ValueLayout.JAVA_INT, ranks),
                    s.handle0), "MPI_Group_incl");
            return fromRef(s.handle0);
        }
    }

    /** {@code MPI_Group_excl}: the members not at {@code ranks}, in group order. */
    public Group excl(int... ranks) {
        checkRanks(ranks);
        try (Arena arena = Arena.ofConfined()) {
            Scratch s = Scratch.get();
            Errors.check(mpi_h.MPI_Group_excl(handle(), ranks.length, arena.allocateFrom(ValueLayout.JAVA_INT, ranks),
                    s.handle0), "MPI_Group_excl");
            return fromRef(s.handle0);
        }
    }

    /** {@code MPI_Group_range_incl}: the members in the strided ranges, in order. */
    public Group rangeIncl(Range... ranges) {
        return ranges(ranges, true);
    }

    /** {@code MPI_Group_range_excl}: the members outside the strided ranges. */
    public Group rangeExcl(Range... ranges) {
        return ranges(ranges, false);
    }

    private Group ranges(Range[] ranges, boolean include) {
        Errors.checkNotNull(ranges, "ranges");
        int size = size();
        int[] flat = new int[ranges.length * 3];
        for (int i = 0; i < ranges.length; i++) {
            Range r = Errors.checkNotNull(ranges[i], "range");
            checkRank(r.first(), size);
            checkRank(r.last(), size);
            flat[3 * i] = r.first();
            flat[3 * i + 1] = r.last();
            flat[3 * i + 2] = r.stride();
        }
        try (Arena arena = Arena.ofConfined()) {
            Scratch s = Scratch.get();
            MemorySegment triples = arena.allocateFrom(ValueLayout.JAVA_INT, flat);
            if (include) {
                Errors.check(mpi_h.MPI_Group_range_incl(handle(), ranges.length, triples, s.handle0),
                        "MPI_Group_range_incl");
            } else {
                Errors.check(mpi_h.MPI_Group_range_excl(handle(), ranges.length, triples, s.handle0),
                        "MPI_Group_range_excl");
            }
            return fromRef(s.handle0);
        }
    }

    /** {@code MPI_Group_union}: this group's members, then those of {@code other} not in it. */
    public Group union(Group other) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Group_union(handle(), other(other), s.handle0), "MPI_Group_union");
        return fromRef(s.handle0);
    }

    /** {@code MPI_Group_intersection}: the members of this group that are also in {@code other}. */
    public Group intersection(Group other) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Group_intersection(handle(), other(other), s.handle0), "MPI_Group_intersection");
        return fromRef(s.handle0);
    }

    /** {@code MPI_Group_difference}: the members of this group that are not in {@code other}. */
    public Group difference(Group other) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Group_difference(handle(), other(other), s.handle0), "MPI_Group_difference");
        return fromRef(s.handle0);
    }

    /**
     * {@code MPI_Group_translate_ranks}: the ranks in {@code other} of the processes at
     * {@code ranks} in this group ({@link MPI#UNDEFINED} where a process is not in {@code other}).
     */
    public int[] translateRanks(int[] ranks, Group other) {
        checkRanks(ranks);
        MemorySegment otherHandle = other(other);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.JAVA_INT, Math.max(1, ranks.length));
            Errors.check(mpi_h.MPI_Group_translate_ranks(handle(), ranks.length,
                    arena.allocateFrom(ValueLayout.JAVA_INT, ranks), otherHandle, out), "MPI_Group_translate_ranks");
            return ranks.length == 0 ? new int[0] : out.toArray(ValueLayout.JAVA_INT);
        }
    }

    /** {@code MPI_Group_compare}: {@link Comparison#IDENT}, {@link Comparison#SIMILAR} or {@link Comparison#UNEQUAL}. */
    public Comparison compare(Group other) {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Group_compare(handle(), other(other), s.int0), "MPI_Group_compare");
        return Comparison.of(s.int0());
    }

    private static MemorySegment other(Group other) {
        return Errors.checkNotNull(other, "group").handle();
    }

    private void checkRanks(int[] ranks) {
        Errors.checkNotNull(ranks, "ranks");
        int size = size();
        java.util.BitSet seen = new java.util.BitSet(size);
        for (int r : ranks) {
            checkRank(r, size);
            if (seen.get(r)) {
                // MPI requires distinct ranks; Open MPI errs at one size and accepts it at another
                throw new IllegalArgumentException("rank " + r + " appears twice in the ranks: they must be distinct");
            }
            seen.set(r);
        }
    }

    private static void checkRank(int rank, int size) {
        if (rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank " + rank + " is not in a group of size " + size);
        }
    }

    @Override
    public String toString() {
        return isFreed() ? "Group[freed]" : "Group[size=" + size() + "]";
    }

    /**
     * A strided rank range for {@link #rangeIncl} and {@link #rangeExcl}: {@code first},
     * {@code first + stride}, ... up to and including {@code last} where reached.
     *
     * @param first  the first rank
     * @param last   the last rank
     * @param stride the step (non-zero; negative to count down)
     */
    public record Range(int first, int last, int stride) {
        /** Checks that the stride is non-zero and points from first towards last. */
        public Range {
            if (stride == 0 || (last - first) / stride < 0) {
                throw new IllegalArgumentException("bad range " + first + ".." + last + " step " + stride);
            }
        }

        /** The range {@code first..last} with stride 1. */
        public static Range of(int first, int last) {
            return new Range(first, last, 1);
        }
    }
}
