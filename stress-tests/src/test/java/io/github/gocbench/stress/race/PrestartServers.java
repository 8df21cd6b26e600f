package io.github.gocbench.stress.race;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * When the test plan includes {@link RaceSuiteIT}, starts its embedded servers in the background
 * as soon as the plan begins, so embedded MariaDB (about 45 s to start here) boots while the
 * tests that run before the suite do. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class PrestartServers implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                if (id.getSource().orElse(null) instanceof ClassSource c
                        && c.getClassName().equals(RaceSuiteIT.class.getName())) {
                    StressTargets.prestart();
                    return;
                }
            }
        }
    }
}
