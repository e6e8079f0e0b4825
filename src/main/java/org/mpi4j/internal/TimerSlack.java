package org.mpi4j.internal;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Linux's timer slack of the calling thread ({@code prctl(PR_SET_TIMERSLACK)}): the kernel may
 * wake a sleeping thread this much later than asked, 50 us by default, so that wake-ups can be
 * batched. A thread that polls MPI with short sleeps waits that long again at every poll; with a
 * slack of 1 us it wakes when asked. Best effort: elsewhere than on Linux, nothing happens.
 */
public final class TimerSlack {
    private static final int PR_SET_TIMERSLACK = 29;
    private static final Optional<MethodHandle> PRCTL = find();
    private static final ThreadLocal<Boolean> DONE = new ThreadLocal<>();

    private TimerSlack() {
    }

    private static Optional<MethodHandle> find() {
        if (!System.getProperty("os.name", "").startsWith("Linux")
                || !Boolean.parseBoolean(System.getProperty("mpi4j.futures.timerSlack", "true"))) {
            return Optional.empty();
        }
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("prctl").map(addr -> linker.downcallHandle(addr,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG),
                Linker.Option.firstVariadicArg(1)));
    }

    /** Sets the calling thread's timer slack to {@code nanos}, once per thread. */
    public static void reduce(long nanos) {
        if (PRCTL.isEmpty() || DONE.get() != null) {
            return;
        }
        DONE.set(Boolean.TRUE);
        try {
            int rc = (int) PRCTL.get().invokeExact(PR_SET_TIMERSLACK, nanos);
            assert rc == 0 || rc == -1;
        } catch (Throwable t) {
            // best effort: the default slack only makes polls slower
        }
    }
}
