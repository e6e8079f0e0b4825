package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.mpi4j.testing.programs.FailsOnRankOne;

/**
 * The JUnit extension {@code @org.mpi4j.junit.MpiTest} as its users see it: a class with a test
 * that fails on one rank, run through the JUnit Platform, reports that test failed with the
 * rank's assertion, and the other test passed. (example.user.RingExchangeTest shows it passing.)
 */
class MpiTestExtensionTest {

    @Test
    void aTestThatFailsOnOneRankFailsWithThatRanksReport() {
        Map<String, TestExecutionResult> results = new TreeMap<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(FailsOnRankOne.class)).build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest()) {
                            results.put(id.getDisplayName(), result);
                        }
                    }
                });
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, results.get("passesEverywhere()").getStatus(),
                results::toString);
        TestExecutionResult failed = results.get("failsOnRankOne()");
        assertEquals(TestExecutionResult.Status.FAILED, failed.getStatus(), results::toString);
        String message = failed.getThrowable().orElseThrow().getMessage();
        assertTrue(message.contains("mpiexec -n 2: exit 1"), message);
        assertTrue(message.contains("rank 0: passed"), message);
        assertTrue(message.matches("(?s).*rank 1: FAILED\\s+org.opentest4j.AssertionFailedError: the rank"
                + " ==> expected: <0> but was: <1>.*"), message);
    }
}
