package org.mpi4j.bench;

/**
 * Milliseconds the JIT compilers have spent so far ({@code CompilationMXBean}), looked up
 * reflectively as {@link AllocationMeter} is. Compilation during the timed pass means the warm-up
 * was too short: the bench says so on stderr.
 */
final class JitMeter {
    private JitMeter() {
    }

    /** Total compilation time in ms, or -1 if this JVM does not report it. */
    static long millis() {
        try {
            Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
            Object bean = factory.getMethod("getCompilationMXBean").invoke(null);
            if (bean == null) {
                return -1;
            }
            Class<?> type = Class.forName("java.lang.management.CompilationMXBean");
            if (!(Boolean) type.getMethod("isCompilationTimeMonitoringSupported").invoke(bean)) {
                return -1;
            }
            return (Long) type.getMethod("getTotalCompilationTime").invoke(bean);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Sleeps until the JIT has been idle for 200 ms (at most 10 s). Under {@code --bind-to core} the
     * compiler threads share the rank's core with its busy-polling main thread and fall behind; the
     * pause lets them finish what the warm-up pass queued before the timed pass starts.
     */
    static void settle() {
        long last = millis();
        if (last < 0) {
            return;
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        int quiet = 0;
        while (quiet < 4 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = millis();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }
}
