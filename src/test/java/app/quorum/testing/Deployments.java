package app.quorum.testing;

import app.quorum.results.control.DemoMeetingAccess;
import app.quorum.platform.Migrations;
import app.quorum.platform.QuorumDataSource;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.i18n.BundleMessageInterpolator;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * The test deployments. Two kinds, one per Payara JVM of arquillian.xml (two JVMs at most for the whole suite):
 *
 * <ul>
 *   <li>{@link #built()}: the application as built, for the "web" container — what the HTTP and browser tests
 *       (WebIT, BallotFlowIT, AcceptanceIT, …) run, all of them on the one deployment;</li>
 *   <li>{@link #platform(String)}: a micro-deployment for an in-container test of the "platform" container (PlatformIT,
 *       BallotIT), holding only the classes that test uses. They are found from the compiled classes, not listed by hand
 *       ({@link ClassClosure}): the test class, the Quorum classes it names, and theirs in turn — with the entities its
 *       queries name, the observers of the events it fires, the singletons an {@code @DependsOn} names, and the timers
 *       and start-up beans that work with what it takes (the countdown that closes a ballot) — and, always,
 *       what every deployment needs: the datasource and the migrations (the schema), the bundles and Bean Validation's
 *       interpolator (validation.xml names it), and the run-as beans (their descriptor names them). Test classes are
 *       followed only into the in-container helpers ({@link #IN_CONTAINER_HELPERS}); the launcher, which runs outside
 *       Payara, never. So PlatformIT, about meetings and rosters, deploys no results, PDF or cryptography it does not
 *       reach, and a new dependency of a service comes along by itself.</li>
 * </ul>
 *
 * <p>Both kinds carry the runtime libraries, persistence.xml, validation.xml, the migrations, the bundles and the demo
 * file. {@code ClassesOfTheDeploymentsTest} checks what a deployment holds and leaves out.
 */
public final class Deployments {

    /** The classes of the test tree an in-container test may take along (test-JVM helpers such as Browsers stay out). */
    static final Set<String> IN_CONTAINER_HELPERS = Set.of(AsSecretary.class.getName(), AsChair.class.getName(),
            AsDelegate.class.getName(), DemoMeetingAccess.class.getName(), MinimalPdf.class.getName());
    /** What every in-container deployment holds, whether the test names it or not. */
    static final List<String> ALWAYS = List.of(QuorumDataSource.class.getName(), Migrations.class.getName(),
            Bundle.class.getName(), BundleMessageInterpolator.class.getName(),
            AsSecretary.class.getName(), AsChair.class.getName(), AsDelegate.class.getName());
    static final List<Path> CLASS_FOLDERS = List.of(Path.of("target/classes"), Path.of("target/test-classes"));
    private static ClassClosure closure;

    private Deployments() {
    }

    /** The application as built (target/quorum.war, or the system property quorum.war): what the browser tests run. */
    public static WebArchive built() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("quorum.war", "target/quorum.war")));
    }

    /** The micro-deployment of the in-container test whose {@code @Deployment} method calls this (see above). */
    public static WebArchive platform(String name) {
        return platform(name, StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass());
    }

    /** The micro-deployment of an in-container test class: the classes it uses (see above). */
    public static WebArchive platform(String name, Class<?> test) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name)
                .addAsWebInfResource("run-as/glassfish-web.xml", "glassfish-web.xml")
                .addAsWebInfResource("run-as/glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml")
                .addAsResource("META-INF/persistence.xml")
                .addAsResource("META-INF/validation.xml")
                .addAsResource("demo/dak-mil-2024.json")
                .addAsLibraries(Maven.resolver().loadPomFromFile("pom.xml")
                        .importCompileAndRuntimeDependencies().resolve().withTransitivity().asFile());
        for (String className : classesOf(test)) {
            Path file = CLASS_FOLDERS.stream().map(folder -> folder.resolve(className.replace('.', '/') + ".class"))
                    .filter(Files::isRegularFile).findFirst().orElseThrow();
            war.addAsResource(file.toFile(), className.replace('.', '/') + ".class");
        }
        addResourceFolder(war, "db/migration");
        addResourceFolder(war, "app/quorum/platform/i18n");
        return war;
    }

    /** The binary names of the classes an in-container test's deployment holds (the test's own among them). */
    static synchronized Set<String> classesOf(Class<?> test) {
        if (closure == null) {
            closure = new ClassClosure(CLASS_FOLDERS);
        }
        Set<String> own = new java.util.TreeSet<>(Deployments.ALWAYS);
        own.add(test.getName());
        String testName = test.getName();
        return closure.of(own, ALWAYS, name -> Files.isRegularFile(CLASS_FOLDERS.get(0).resolve(name.replace('.', '/') + ".class"))
                        ? !name.startsWith("app.quorum.platform.launch.")
                        : name.equals(testName) || name.startsWith(testName + "$") || IN_CONTAINER_HELPERS.contains(name));
    }

    /** Adds every file of a folder of src/main/resources, under the same name. */
    private static void addResourceFolder(WebArchive war, String folder) {
        Path root = Path.of("src/main/resources");
        try (Stream<Path> files = Files.walk(root.resolve(folder))) {
            files.filter(Files::isRegularFile)
                    .forEach(file -> war.addAsResource(file.toFile(), root.relativize(file).toString().replace(File.separatorChar, '/')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
