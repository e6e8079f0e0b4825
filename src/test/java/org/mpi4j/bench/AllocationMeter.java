package org.mpi4j.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Bytes allocated by the current thread, from {@code com.sun.management.ThreadMXBean}. Looked up
 * reflectively so that the library module needs no {@code jdk.management}; read through an exact
 * method handle so that reading it allocates nothing itself.
 */
final class AllocationMeter {
    private final MethodHandle allocatedBytes;

    private AllocationMeter(MethodHandle allocatedBytes) {
        this.allocatedBytes = allocatedBytes;
    }

    /** The meter, or null if this JVM cannot count allocations (e.g. java.management not resolved). */
    static AllocationMeter create() {
        try {
            Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
            Object bean = factory.getMethod("getThreadMXBean").invoke(null);
            Class<?> beanType = Class.forName("com.sun.management.ThreadMXBean");
            if (!beanType.isInstance(bean)) {
                return null;
            }
            MethodHandle mh = MethodHandles.publicLookup()
                    .findVirtual(beanType, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
                    .bindTo(bean);
            AllocationMeter meter = new AllocationMeter(mh);
            return meter.bytes() >= 0 ? meter : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Bytes the current thread has allocated since it started. */
    long bytes() {
        try {
            return (long) allocatedBytes.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("cannot read the allocation counter", t);
        }
    }
}
