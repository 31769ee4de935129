package app.quorum.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.DependsOn;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the in-container deployments hold (Deployments.platform): each test's classes and what they need in a container,
 * nothing of the launcher or of the test JVM's helpers, and less than the whole application.
 */
class ClassesOfTheDeploymentsTest {

    private static final Path MAIN = Deployments.CLASS_FOLDERS.get(0);
    private static final Path TESTS = Deployments.CLASS_FOLDERS.get(1);
    /** The test classes whose deployment is Deployments.platform (PlatformIT, BallotIT, and any new one). */
    private static final List<Class<?>> IN_CONTAINER_TESTS = inContainerTests();

    private static List<Class<?>> inContainerTests() {
        try (Stream<Path> files = Files.walk(TESTS)) {
            List<Class<?>> tests = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().matches("[A-Za-z0-9]+IT\\.class")).toList()) {
                List<String> pool = ClassClosure.utf8Constants(file);
                if (pool.contains("app/quorum/testing/Deployments") && pool.contains("platform")) {
                    tests.add(load(TESTS.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceFirst("\\.class$", "")));
                }
            }
            return tests;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> mainClasses() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> MAIN.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceFirst("\\.class$", ""))
                    .filter(name -> name.startsWith("app.quorum.")).sorted().toList();
        }
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, false, ClassesOfTheDeploymentsTest.class.getClassLoader());
    }

    @Test
    void theInContainerTestsAreFound() {
        assertTrue(IN_CONTAINER_TESTS.stream().map(Class::getSimpleName).toList().containsAll(List.of("PlatformIT", "BallotIT")),
                IN_CONTAINER_TESTS.toString());
    }

    @Test
    void eachTestTakesTheQuorumClassesItNamesAndWhatEveryDeploymentNeeds() {
        for (Class<?> test : IN_CONTAINER_TESTS) {
            Set<String> classes = Deployments.classesOf(test);
            assertTrue(classes.containsAll(Deployments.ALWAYS), test.getSimpleName() + ": " + classes);
            for (String constant : ClassClosure.utf8Constants(Path.of("target/test-classes", test.getName().replace('.', '/') + ".class"))) {
                java.util.regex.Matcher named = java.util.regex.Pattern.compile("app/quorum/[A-Za-z0-9_$/]+").matcher(constant);
                while (named.find()) {
                    String name = named.group().replace('/', '.');
                    boolean compiled = Files.isRegularFile(MAIN.resolve(named.group() + ".class"));
                    if (compiled && !name.startsWith("app.quorum.platform.launch.")) {
                        assertTrue(classes.contains(name), test.getSimpleName() + " names " + name + ", its deployment lacks it");
                    }
                }
            }
        }
    }

    @Test
    void noLauncherNorTestJvmHelperGoesIntoAContainer() {
        for (Class<?> test : IN_CONTAINER_TESTS) {
            for (String name : Deployments.classesOf(test)) {
                assertFalse(name.startsWith("app.quorum.platform.launch."), test.getSimpleName() + " takes the launcher's " + name);
                boolean testTree = !Files.isRegularFile(MAIN.resolve(name.replace('.', '/') + ".class"));
                if (testTree) {
                    assertTrue(name.startsWith(test.getName()) || Deployments.IN_CONTAINER_HELPERS.contains(name),
                            test.getSimpleName() + " takes the test JVM's " + name);
                }
            }
            assertFalse(Deployments.classesOf(test).contains(TestEnvironment.class.getName()));
            assertFalse(Deployments.classesOf(test).contains(Browsers.class.getName()));
        }
    }

    @Test
    void aDeploymentIsSmallerThanTheApplication() throws IOException {
        int all = mainClasses().size();
        for (Class<?> test : IN_CONTAINER_TESTS) {
            long main = Deployments.classesOf(test).stream()
                    .filter(name -> Files.isRegularFile(MAIN.resolve(name.replace('.', '/') + ".class"))).count();
            assertTrue(main < all, test.getSimpleName() + " takes " + main + " of the " + all + " classes");
        }
        for (Class<?> test : IN_CONTAINER_TESTS) {
            assertTrue(Deployments.classesOf(test).stream().noneMatch(name -> name.contains(".boundary.")),
                    test.getSimpleName() + " calls services: no view or resource of any feature");
        }
    }

    @Test
    void whoeverFiresAnEventBringsItsObserversAndASingletonTheOnesItDependsOn() throws Exception {
        ClassClosure closure = new ClassClosure(Deployments.CLASS_FOLDERS);
        int observers = 0;
        int depending = 0;
        for (String name : mainClasses()) {
            Class<?> type = load(name);
            for (Method method : type.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(Observes.class) && parameter.getType().getName().startsWith("app.quorum.")) {
                        Set<String> withEvent = closure.of(List.of(parameter.getType().getName()), List.of(), any -> true);
                        assertTrue(withEvent.contains(name), parameter.getType().getSimpleName() + " brings its observer " + name);
                        observers++;
                    }
                }
            }
            DependsOn depends = type.getAnnotation(DependsOn.class);
            if (depends != null) {
                Set<String> withSingleton = closure.of(List.of(name), List.of(), any -> true);
                for (String ejb : depends.value()) {
                    assertTrue(withSingleton.stream().anyMatch(other -> other.endsWith("." + ejb)), name + " brings " + ejb);
                }
                depending++;
            }
        }
        assertTrue(observers > 0 && depending > 0, "the application has observers and @DependsOn singletons to check");
    }

    @Test
    void whatATimerWorksWithBringsTheTimer() throws Exception {
        ClassClosure closure = new ClassClosure(Deployments.CLASS_FOLDERS);
        int timers = 0;
        for (String name : mainClasses()) {
            boolean scheduled = java.util.Arrays.stream(load(name).getDeclaredMethods())
                    .anyMatch(method -> method.isAnnotationPresent(jakarta.ejb.Schedule.class));
            if (scheduled) {
                for (String other : ClassClosure.utf8Constants(MAIN.resolve(name.replace('.', '/') + ".class"))) {
                    if (other.startsWith("app/quorum/") && Files.isRegularFile(MAIN.resolve(other + ".class")) && !other.equals(name.replace('.', '/'))) {
                        assertTrue(closure.of(List.of(other.replace('/', '.')), List.of(), any -> true).contains(name),
                                other + " brings the timer " + name);
                    }
                }
                timers++;
            }
        }
        assertTrue(timers > 0, "the application has a timer to check");
    }

    @Test
    void anEntityBringsTheEntitiesItsQueriesName() throws Exception {
        ClassClosure closure = new ClassClosure(Deployments.CLASS_FOLDERS);
        List<String> entities = new ArrayList<>();
        for (String name : mainClasses()) {
            if (load(name).isAnnotationPresent(Entity.class)) {
                entities.add(name);
            }
        }
        int queries = 0;
        for (String name : entities) {
            Set<String> with = closure.of(List.of(name), List.of(), any -> true);
            for (NamedQuery query : load(name).getAnnotationsByType(NamedQuery.class)) {
                for (String other : entities) {
                    String simple = other.substring(other.lastIndexOf('.') + 1);
                    if (query.query().matches("(?s).*\\b(FROM|JOIN|from|join)\\s+" + simple + "\\b.*")) {
                        assertTrue(with.contains(other), name + "'s query " + query.name() + " names " + simple);
                        queries++;
                    }
                }
            }
        }
        assertTrue(queries > 0, "some named query to check");
    }
}
