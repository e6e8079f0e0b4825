package org.mpi4j.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Assertions on futures of remote tasks. */
final class CompletionCheck {
    private CompletionCheck() {
    }

    /** Asserts that {@code f} failed remotely with {@code type} and a message containing {@code text}. */
    static RemoteTaskException remoteFailure(CompletableFuture<?> f, Class<? extends Throwable> type, String text) {
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        RemoteTaskException r = assertInstanceOf(RemoteTaskException.class, e.getCause());
        assertEquals(type.getName(), r.remoteType(), r.toString());
        assertTrue(r.remoteMessage() != null && r.remoteMessage().contains(text), r.toString());
        assertTrue(r.getMessage().contains("on worker rank " + r.workerRank()), r.getMessage());
        return r;
    }
}
