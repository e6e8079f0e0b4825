package org.mpi4j;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mpi4j.ffi.mpi_h;
import org.mpi4j.internal.OpenMpiAbi;
import org.mpi4j.internal.Scratch;

/**
 * An {@code MPI_Info} object: an ordered set of (key, value) string hints that communicators,
 * windows, files and spawned processes take. Keys are at most {@link #MAX_KEY} characters, values
 * at most {@link #MAX_VALUE}; both are ASCII-free-form strings that MPI stores as C strings.
 *
 * <pre>{@code
 * try (Info info = Info.of(Map.of("cb_nodes", "2"))) {
 *     File f = File.open(comm, path, modes, info);
 * }
 * }</pre>
 *
 * <p>{@link #NULL} ({@code MPI_INFO_NULL}) stands for "no hints" wherever an {@code Info} is taken;
 * {@link #ENV} ({@code MPI_INFO_ENV}) describes how the job was started. Both are predefined and
 * cannot be freed or changed.
 */
public final class Info extends NativeHandle {
    /** {@code MPI_INFO_NULL}: no hints. */
    public static final Info NULL = new Info(OpenMpiAbi.predefined("MPI_INFO_NULL"), true, true);
    /** {@code MPI_INFO_ENV}: the execution environment (command, argv, maxprocs, host, ...). */
    public static final Info ENV = new Info(OpenMpiAbi.predefined("MPI_INFO_ENV"), true, false);

    /** {@code MPI_MAX_INFO_KEY}: the longest key, in characters. */
    public static final int MAX_KEY = mpi_h.MPI_MAX_INFO_KEY();
    /** {@code MPI_MAX_INFO_VAL}: the longest value, in characters. */
    public static final int MAX_VALUE = mpi_h.MPI_MAX_INFO_VAL();

    private Info(MemorySegment handle, boolean predefined, boolean isNull) {
        super(handle, predefined, isNull);
    }

    /** Wraps the info object a call left in {@code ref} (ours to free). */
    static Info fromRef(MemorySegment ref) {
        return new Info(ref.get(ValueLayout.ADDRESS, 0), false, false);
    }

    /** The handle to pass to MPI for an optional info: {@code MPI_INFO_NULL} for null or {@link #NULL}. */
    static MemorySegment handleOf(Info info) {
        return info == null || info.isNull() ? NULL.rawHandle() : info.handle();
    }

    @Override
    String kind() {
        return "info";
    }

    @Override
    int c2f(MemorySegment h) {
        return mpi_h.MPI_Info_c2f(h);
    }

    /**
     * Wraps a raw {@code MPI_Info} made elsewhere: {@link #NULL} and {@link #ENV} come back as
     * themselves, another is borrowed (see {@link NativeHandle#isBorrowed()}).
     *
     * @throws IllegalArgumentException if MPI knows no info object at that address
     */
    public static Info fromHandle(MemorySegment handle) {
        return fromForeign(handle, "info", h -> h.equals(NULL.rawHandle()) ? NULL
                : h.equals(ENV.rawHandle()) ? ENV : null, mpi_h::MPI_Info_c2f, mpi_h::MPI_Info_f2c,
                h -> new Info(h, false, false));
    }

    /** {@code MPI_Info_f2c}, as {@link #fromHandle}; an integer that names no info object is refused. */
    public static Info fromFortran(int fortranHandle) {
        return fromFortranHandle(fortranHandle, "info", mpi_h::MPI_Info_f2c, Info::fromHandle);
    }

    @Override
    void release(MemorySegment handleRef) {
        Errors.check(mpi_h.MPI_Info_free(handleRef), "MPI_Info_free");
    }

    /** {@code MPI_Info_create}: a new, empty info object. */
    public static Info create() {
        Environment.ensureInitialized();
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Info_create(s.handle0), "MPI_Info_create");
        return fromRef(s.handle0);
    }

    /** A new info object holding {@code entries}, in the map's iteration order. */
    public static Info of(Map<String, String> entries) {
        Errors.checkNotNull(entries, "entries");
        entries.forEach((k, v) -> {
            checkKey(k);
            checkValue(v);
        });
        Info info = create();
        entries.forEach(info::set);
        return info;
    }

    /** {@code MPI_Info_dup}: a new info object with the same entries. */
    public Info dup() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Info_dup(handle(), s.handle0), "MPI_Info_dup");
        return fromRef(s.handle0);
    }

    /**
     * {@code MPI_Info_set}: sets {@code key} to {@code value}, replacing an earlier value.
     *
     * @throws IllegalArgumentException if the key or value is empty or too long
     * @throws IllegalStateException for {@link #ENV} (predefined objects cannot change)
     */
    public void set(String key, String value) {
        checkKey(key);
        checkValue(value);
        MemorySegment h = mutableHandle();
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_Info_set(h, arena.allocateFrom(key), arena.allocateFrom(value)), "MPI_Info_set");
        }
    }

    /** {@code MPI_Info_get}: the value of {@code key}, or empty if it is not set. */
    public Optional<String> get(String key) {
        checkKey(key);
        MemorySegment h = handle();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment k = arena.allocateFrom(key);
            MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment flag = arena.allocate(ValueLayout.JAVA_INT);
            Errors.check(mpi_h.MPI_Info_get_valuelen(h, k, len, flag), "MPI_Info_get_valuelen");
            if (flag.get(ValueLayout.JAVA_INT, 0) == 0) {
                return Optional.empty();
            }
            int n = len.get(ValueLayout.JAVA_INT, 0);
            MemorySegment value = arena.allocate(n + 1L);
            Errors.check(mpi_h.MPI_Info_get(h, k, n, value, flag), "MPI_Info_get");
            return Optional.of(value.getString(0));
        }
    }

    /**
     * {@code MPI_Info_delete}: removes {@code key}.
     *
     * @return whether the key was set (MPI reports {@code MPI_ERR_INFO_NOKEY} otherwise; this
     *     method does not throw for it)
     */
    public boolean delete(String key) {
        checkKey(key);
        MemorySegment h = mutableHandle();
        if (get(key).isEmpty()) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(mpi_h.MPI_Info_delete(h, arena.allocateFrom(key)), "MPI_Info_delete");
        }
        return true;
    }

    /** {@code MPI_Info_get_nkeys}: the number of keys. */
    public int size() {
        Scratch s = Scratch.get();
        Errors.check(mpi_h.MPI_Info_get_nkeys(handle(), s.int0), "MPI_Info_get_nkeys");
        return s.int0();
    }

    /** The keys in MPI's order ({@code MPI_Info_get_nthkey} for each). */
    public List<String> keys() {
        MemorySegment h = handle();
        int n = size();
        List<String> keys = new ArrayList<>(n);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment key = arena.allocate(MAX_KEY + 1L);
            for (int i = 0; i < n; i++) {
                Errors.check(mpi_h.MPI_Info_get_nthkey(h, i, key), "MPI_Info_get_nthkey");
                keys.add(key.getString(0));
            }
        }
        return keys;
    }

    /** Every entry, in key order, as an unmodifiable-by-MPI copy. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String k : keys()) {
            get(k).ifPresent(v -> map.put(k, v));
        }
        return map;
    }

    @Override
    public String toString() {
        if (isFreed()) {
            return "Info[freed]";
        }
        return isNull() ? "Info.NULL" : "Info" + toMap();
    }

    private MemorySegment mutableHandle() {
        if (isPredefined()) {
            throw new IllegalStateException("a predefined info object cannot be changed");
        }
        return handle();
    }

    private static void checkKey(String key) {
        Errors.checkNotNull(key, "info key");
        if (key.isEmpty() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("info key must have 1.." + MAX_KEY + " characters: \"" + key + "\"");
        }
    }

    private static void checkValue(String value) {
        Errors.checkNotNull(value, "info value");
        if (value.isEmpty() || value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("info value must have 1.." + MAX_VALUE + " characters (got "
                    + value.length() + ")");
        }
    }
}
