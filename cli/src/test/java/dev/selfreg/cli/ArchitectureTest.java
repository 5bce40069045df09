package dev.selfreg.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's architecture, checked on the compiled classes of every module the CLI puts
 * together: packages depend on each other one way, and the layers inside the module point down.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // test fixtures shared as test-jars
                .importPackages("dev.selfreg");
    }

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("dev.selfreg.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theVocabularyDependsOnTheJdkAlone() {
        noClasses().that().resideInAPackage("dev.selfreg.vocabulary..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.selfreg.vocabulary..", "java..")
                .check(classes);
    }

    @Test
    void theModulesSharedPartsDoNotKnowTheAgentsTheCommandsOrTheAssembly() {
        noClasses().that().resideInAPackage("dev.selfreg.module")
                .should().dependOnClassesThat().resideInAnyPackage("dev.selfreg.module.at..", "dev.selfreg.module.ct..",
                        "dev.selfreg.module.dm..", "dev.selfreg.module.emulator..", "dev.selfreg.module.host..",
                        "dev.selfreg.module.control..")
                .check(classes);
    }

    @Test
    void theModulesNetworkKnowsNothingOfTheModule() {
        noClasses().that().resideInAPackage("dev.selfreg.module.network..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.selfreg.module", "dev.selfreg.module.at..",
                        "dev.selfreg.module.ct..", "dev.selfreg.module.dm..", "dev.selfreg.module.emulator..")
                .check(classes);
    }

    @Test
    void theProtocolCodecsKnowNoTransportNoServerAndNoModule() {
        noClasses().that().resideInAPackage("dev.selfreg.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.selfreg.module..", "dev.selfreg.platform..",
                        "dev.selfreg.host..", "dev.selfreg.lab..", "org.eclipse.californium..", "org.eclipse.leshan.server..",
                        "org.eclipse.leshan.client..")
                .check(classes);
    }

    @Test
    void theCertificationChecksKnowNoTransportNoStoreAndNoModule() {
        noClasses().that().resideInAPackage("dev.selfreg.checks..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.selfreg.module..", "dev.selfreg.platform..",
                        "dev.selfreg.host..", "dev.selfreg.lab..", "org.eclipse.californium..", "org.eclipse.leshan..",
                        "io.javalin..", "java.sql..", "java.net..")
                .check(classes);
    }

    @Test
    void theCapturesKnowNoServerNoStoreAndNoModule() {
        noClasses().that().resideInAPackage("dev.selfreg.capture..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.selfreg.module..", "dev.selfreg.platform..",
                        "dev.selfreg.host..", "dev.selfreg.lab..", "org.eclipse.leshan.server..", "io.javalin..",
                        "java.sql..")
                .check(classes);
    }

    @Test
    void theCaptureLayersPointDownFromExchangesToPacketsToFiles() {
        noClasses().that().resideInAPackage("dev.selfreg.capture.file..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.selfreg.capture", "dev.selfreg.capture.net..",
                        "dev.selfreg.capture.exchange..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.selfreg.capture.net..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.selfreg.capture",
                        "dev.selfreg.capture.exchange..")
                .check(classes);
    }
}
