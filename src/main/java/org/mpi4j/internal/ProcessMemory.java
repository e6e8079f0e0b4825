package org.mpi4j.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether an address range of this process is readable, from the kernel's list of its mappings
 * ({@code /proc/self/maps}). mpi4j asks before it lets MPI dereference a handle that native code
 * handed in: MPI reads the object a handle points to, and reading unmapped memory would kill the
 * JVM instead of throwing. Not a hot path (it reads the list each time).
 */
public final class ProcessMemory {
    private static final Path MAPS = Path.of("/proc/self/maps");

    private ProcessMemory() {
    }

    /**
     * Whether every byte of {@code [address, address + length)} lies in readable mappings. Where the
     * system has no {@code /proc/self/maps} the answer is true: nothing can be checked there.
     */
    public static boolean isReadable(long address, long length) {
        long end = address + length;
        if (address <= 0 || end < address) {
            return false;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(MAPS);
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
        // the mappings come in address order: walk them, extending the readable run from address on
        long covered = address;
        for (String line : lines) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ', dash);
            if (dash < 0 || space < 0 || space + 1 >= line.length()) {
                continue;
            }
            long start = Long.parseUnsignedLong(line, 0, dash, 16);
            long stop = Long.parseUnsignedLong(line, dash + 1, space, 16);
            boolean readable = line.charAt(space + 1) == 'r';
            if (Long.compareUnsigned(start, covered) > 0) {
                return false; // a hole before the range is covered
            }
            if (Long.compareUnsigned(stop, covered) > 0) {
                if (!readable) {
                    return false;
                }
                covered = stop;
                if (Long.compareUnsigned(covered, end) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
