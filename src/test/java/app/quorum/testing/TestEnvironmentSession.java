package app.quorum.testing;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts the {@link TestEnvironment} once per test JVM, and only when the tests about to run deploy to Payara (they use
 * the Arquillian extension): plain unit tests never start a database. Stops it when the launcher session closes.
 *
 * <p>Registered (in {@code META-INF/services}) both as a launcher session listener, for the end of the session, and
 * as a test execution listener, to see the test plan before the first test class starts; Arquillian reads
 * {@code arquillian.xml}, and so the database's system properties, only when that class starts.
 */
public final class TestEnvironmentSession implements LauncherSessionListener, TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (deploysToPayara(testPlan)) {
            TestEnvironment.start();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestEnvironment.stop();
        TestEnvironment.removeExportedDeployments();
    }

    static boolean deploysToPayara(TestPlan plan) {
        Deque<TestIdentifier> todo = new ArrayDeque<>(plan.getRoots());
        while (!todo.isEmpty()) {
            TestIdentifier test = todo.pop();
            if (test.getSource().orElse(null) instanceof ClassSource source && usesArquillian(source.getJavaClass())) {
                return true;
            }
            todo.addAll(plan.getChildren(test));
        }
        return false;
    }

    static boolean usesArquillian(Class<?> testClass) {
        return AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class).stream()
                .flatMap(extendWith -> Arrays.stream(extendWith.value()))
                .anyMatch(ArquillianExtension.class::isAssignableFrom);
    }
}
