package app.quorum;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The order of the features (README, Architecture; DESIGN.md §3), held on the main classes: platform at the bottom,
 * then meeting ← roster ← identity ← ballot ← results, each importing only those below it; a feature never imports
 * another's boundary; entities never import control or boundary; no cycle between the features; the verifier and the
 * ballot's cryptography stand alone. A lower feature that must learn of something above it listens to a CDI event
 * ({@code MeetingCopied}; {@code platform.push.Changed} for the pages).
 */
class ArchitectureTest {

    /** Bottom to top. */
    static final List<String> FEATURES = List.of("platform", "meeting", "roster", "identity", "ballot", "results");

    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.quorum");
    }

    /** platform ← meeting ← roster ← identity ← ballot ← results: each feature uses only the features below it. */
    @Test
    void featuresImportOnlyTheFeaturesBelowThem() {
        assertHolds(layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("platform").definedBy("app.quorum.platform..")
                .layer("meeting").definedBy("app.quorum.meeting..")
                .layer("roster").definedBy("app.quorum.roster..")
                .layer("identity").definedBy("app.quorum.identity..")
                .layer("ballot").definedBy("app.quorum.ballot..")
                .layer("results").definedBy("app.quorum.results..")
                .layer("verifier").definedBy("app.quorum.verifier..")
                .whereLayer("results").mayNotBeAccessedByAnyLayer()
                .whereLayer("ballot").mayOnlyBeAccessedByLayers("results")
                .whereLayer("identity").mayOnlyBeAccessedByLayers("ballot", "results")
                .whereLayer("roster").mayOnlyBeAccessedByLayers("identity", "ballot", "results")
                .whereLayer("meeting").mayOnlyBeAccessedByLayers("roster", "identity", "ballot", "results")
                .whereLayer("platform").mayOnlyBeAccessedByLayers("meeting", "roster", "identity", "ballot", "results")
                .whereLayer("verifier").mayNotBeAccessedByAnyLayer()
                .because("DESIGN.md §3: features import one way, bottom to top; a CDI event carries news upwards"));
    }

    /** A boundary (view bean, servlet, REST resource) is its feature's own: others go through control and entity. */
    @Test
    void noFeatureImportsAnotherFeaturesBoundary() {
        assertHolds(CompositeArchRule.of(FEATURES.stream().skip(1).<ArchRule>map(feature -> noClasses()
                        .that().resideOutsideOfPackage("app.quorum." + feature + "..")
                        .should().dependOnClassesThat().resideInAPackage("app.quorum." + feature + ".boundary..")
                        .as("no class outside " + feature + " imports " + feature + ".boundary"))
                .toList())
                .because("DESIGN.md §3: a feature uses the control and entity layers below it, never another's boundary")
                );
    }

    @Test
    void entitiesImportNeitherControlNorBoundary() {
        assertHolds(noClasses().that().resideInAPackage("app.quorum..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("app.quorum..control..", "app.quorum..boundary..")
                .because("entities are the bottom of each feature: rules live in control, pages in boundary")
                );
    }

    @Test
    void featuresAreFreeOfCycles() {
        assertHolds(slices().matching("app.quorum.(*)..").should().beFreeOfCycles());
    }

    /** The independent verifier checks the public record with its own code: nothing of the application. */
    @Test
    void verifierStandsAlone() {
        assertHolds(noClasses().that().resideInAPackage("app.quorum.verifier..")
                .should().dependOnClassesThat(resideInAPackage("app.quorum..")
                        .and(not(resideInAPackage("app.quorum.verifier.."))))
                .because("the verifier must not trust the code it verifies")
                );
    }

    /** The ballot's cryptography is mathematics over bytes: platform at most, no feature's entities or services. */
    @Test
    void cryptographyImportsNothingAbovePlatform() {
        assertHolds(noClasses().that().resideInAPackage("app.quorum.ballot.crypto..")
                .should().dependOnClassesThat(resideInAPackage("app.quorum..")
                        .and(not(resideInAnyPackage("app.quorum.ballot.crypto..", "app.quorum.platform.."))))
                .because("the specification's primitives must be readable and testable without the application")
                );
    }

    /** The rule holds for the main classes; else the test fails with ArchUnit's report of every violation. */
    private static void assertHolds(ArchRule rule) {
        EvaluationResult result = rule.evaluate(main);
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }
}
