package app.quorum.testing;

import app.quorum.results.control.DemoMeetingAccess;
import app.quorum.ballot.crypto.Receipts;
import app.quorum.platform.Limits;
import app.quorum.platform.Migrations;
import app.quorum.platform.QuorumDataSource;
import app.quorum.platform.Refusal;
import app.quorum.platform.SpreadsheetCsv;
import app.quorum.platform.UploadLimits;
import app.quorum.platform.i18n.Bundle;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * The micro-deployment of the in-container tests: the features' control and entity layers (no views), the
 * platform pieces they need, the runtime libraries, the migrations and bundles, and the test's run-as helpers with
 * their principal-to-role mapping.
 */
public final class Deployments {

    private Deployments() {
    }

    /** The application as built (target/quorum.war, or the system property quorum.war): what the browser tests run. */
    public static WebArchive built() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("quorum.war", "target/quorum.war")));
    }

    public static WebArchive platform(String name) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name)
                .addClasses(QuorumDataSource.class, Migrations.class, Refusal.class, SpreadsheetCsv.class, Limits.class, UploadLimits.class,
                        AsSecretary.class, AsChair.class, AsDelegate.class, DemoMeetingAccess.class, MinimalPdf.class,
                        Receipts.class)
                .addPackage(Bundle.class.getPackage())
                .addPackages(false, "app.quorum.meeting.control", "app.quorum.meeting.entity",
                        "app.quorum.roster.control", "app.quorum.roster.entity", "app.quorum.identity.control",
                        "app.quorum.identity.entity", "app.quorum.platform.push", "app.quorum.ballot.control",
                        "app.quorum.ballot.entity", "app.quorum.results.control", "app.quorum.results.entity",
                        "app.quorum.platform.pdf", "app.quorum.platform.audit")
                .addAsWebInfResource("run-as/glassfish-web.xml", "glassfish-web.xml")
                .addAsWebInfResource("run-as/glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml")
                .addAsResource("META-INF/persistence.xml")
                .addAsResource("META-INF/validation.xml")
                .addAsResource("demo/dak-mil-2024.json")
                .addAsLibraries(Maven.resolver().loadPomFromFile("pom.xml")
                        .importCompileAndRuntimeDependencies().resolve().withTransitivity().asFile());
        addResourceFolder(war, "db/migration");
        addResourceFolder(war, "app/quorum/platform/i18n");
        return war;
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
