package app.quorum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;

/** The test environment's own rules; a unit test, so it runs under surefire, without a database. */
class TestEnvironmentTest {

    @ExtendWith(ArquillianExtension.class)
    static class Deploying {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(ArquillianExtension.class)
    @interface InPayara {
    }

    @InPayara
    static class DeployingThroughAnAnnotation {
    }

    static class AnotherExtension implements Extension {
    }

    @ExtendWith(AnotherExtension.class)
    static class Plain {
    }

    @Test
    void onlyTestsThatUseArquillianNeedTheEnvironment() {
        assertTrue(TestEnvironmentSession.usesArquillian(Deploying.class));
        assertTrue(TestEnvironmentSession.usesArquillian(DeployingThroughAnAnnotation.class));
        assertFalse(TestEnvironmentSession.usesArquillian(Plain.class));
        assertFalse(TestEnvironmentSession.usesArquillian(TestEnvironmentTest.class));
    }

    @Test
    void settingsAreEscapedForThePayaraCommandLine() {
        assertEquals("jdbc:mariadb://127.0.0.1:3306/quorum_test?useSsl=false",
                TestEnvironment.forCommandLine("jdbc:mariadb://127.0.0.1:3306/quorum_test?useSsl=false"));
        assertEquals("a\\ b\\ c", TestEnvironment.forCommandLine("a b c"));
        assertThrows(IllegalArgumentException.class, () -> TestEnvironment.forCommandLine("a\\b"));
    }
}
