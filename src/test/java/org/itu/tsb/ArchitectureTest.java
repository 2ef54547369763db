package org.itu.tsb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages' dependencies point one way (docs/architecture.md): from the web down to the shared kernel. A lower
 * package that must trigger a higher one owns an interface or an event the higher one implements or listens to.
 */
@AnalyzeClasses(packages = "org.itu.tsb", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.itu.tsb";

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesInsideTheWebLayer = slices().matching(ROOT + ".web.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("web").definedBy(ROOT + ".web..")
            .layer("identity").definedBy(ROOT + ".identity..")
            .layer("process").definedBy(ROOT + ".process..")
            .layer("notice").definedBy(ROOT + ".notice..")
            .layer("tally").definedBy(ROOT + ".tally..")
            .layer("reply").definedBy(ROOT + ".reply..")
            .layer("consultation").definedBy(ROOT + ".consultation..")
            .layer("memberstate").definedBy(ROOT + ".memberstate..")
            .layer("kernel").definedBy(ROOT + ".kernel..")
            .whereLayer("web").mayNotBeAccessedByAnyLayer()
            .whereLayer("identity").mayOnlyBeAccessedByLayers("web")
            .whereLayer("process").mayNotBeAccessedByAnyLayer()
            .whereLayer("notice").mayOnlyBeAccessedByLayers("process", "web")
            .whereLayer("tally").mayOnlyBeAccessedByLayers("notice", "process", "web")
            .whereLayer("reply").mayOnlyBeAccessedByLayers("tally", "notice", "process", "web")
            .whereLayer("consultation").mayOnlyBeAccessedByLayers("reply", "tally", "notice", "process", "web")
            .whereLayer("memberstate").mayOnlyBeAccessedByLayers("consultation", "reply", "tally", "notice", "process", "identity", "web")
            .whereLayer("kernel").mayOnlyBeAccessedByLayers("memberstate", "consultation", "reply", "tally", "notice", "process",
                    "identity", "web");

    @ArchTest
    static final ArchRule onlyTheEngineAdaptersKnowCamunda = noClasses().that()
            .resideOutsideOfPackages(ROOT + ".process..", ROOT + ".identity..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("the engine adapters (process; identity, for the engine's users and groups) are the only places that know the engine");

    @ArchTest
    static final ArchRule onlyTheWebLayerKnowsSpringMvcAndServlets = noClasses().that()
            .resideOutsideOfPackages(ROOT + ".web..", ROOT + ".identity..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                    "org.springframework.http..")
            .because("requests and responses are the web layer's business (and identity's, which wires Camunda's servlet "
                    + "filters); the features speak in domain terms");

    @ArchTest
    static final ArchRule rulesImportNoFramework = classes().that().implement(ROOT + ".tally.ApprovalRule")
            .or().haveFullyQualifiedName(ROOT + ".tally.ApprovalRule")
            .or().haveFullyQualifiedName(ROOT + ".tally.Tally")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ROOT + ".tally..", ROOT + ".reply..")
            .because("a procedure's rule is plain Java, read and tested without any framework");
}
