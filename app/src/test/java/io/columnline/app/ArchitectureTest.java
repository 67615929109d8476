package io.columnline.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The dependency rules of DESIGN.md; a leak fails the build. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {
    /** The product's areas, the same in every module and in this order (DESIGN.md). */
    static final List<String> AREAS = List.of("tenancy", "tracking", "prompts", "publishing", "prospects", "knowledge");

    /**
     * Translation layers: packages of one adapter that are no area but speak another system's
     * language over the areas (the origin's {@code /columnline} routes). Each holds no rule of its
     * own: it reaches the areas only through their {@code port.in}, and no area reaches it.
     */
    static final List<String> TRANSLATIONS = List.of("io.columnline.adapters.http.origin");

    private static final String SHARED = "shared";
    private static final Pattern AREA_PACKAGE =
            Pattern.compile("io\\.columnline\\.(?:application|adapters\\.[a-z]+)\\.([a-z]+)(?:\\..*)?");

    private JavaClasses classes;

    @BeforeAll
    void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // sibling modules arrive as jars in a reactor build; their test-jars are not production code
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.columnline");
        // a rule over no classes passes vacuously: prove every layer was imported
        for (String layer : new String[] {
            "io.columnline.domain.client.Client",
            "io.columnline.application.tenancy.service.ClientService",
            "io.columnline.adapters.postgres.shared.JdbiSession",
            "io.columnline.adapters.http.shared.HttpServer",
            "io.columnline.adapters.cli.shared.CliCommand",
            "io.columnline.adapters.search.shared.SearchHome",
            "io.columnline.adapters.search.knowledge.LuceneChunkIndex",
            "io.columnline.app.Main"
        }) {
            if (!classes.contain(layer)) {
                throw new AssertionError("ArchUnit did not import " + layer);
            }
        }
    }

    @Test
    void domain_depends_on_the_jdk_only() {
        ArchRule rule = classes()
                .that()
                .resideInAPackage("io.columnline.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.columnline.domain..", "java..");
        rule.check(classes);
    }

    @Test
    void application_never_sees_frameworks_or_adapters() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.columnline.application..")
                .and()
                .haveSimpleNameNotEndingWith("_Factory")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.undertow..",
                        "org.jdbi..",
                        "java.sql..",
                        "javax.sql..",
                        "com.fasterxml.jackson..",
                        "picocli..",
                        "org.postgresql..",
                        "com.zaxxer..",
                        "org.flywaydb..",
                        "org.apache.lucene..",
                        "io.columnline.adapters..",
                        "io.columnline.app..");
        rule.check(classes);
    }

    @Test
    void application_depends_on_the_domain_jdk_and_inject_annotations_only() {
        ArchRule rule = classes()
                .that()
                .resideInAPackage("io.columnline.application..")
                .and()
                .haveSimpleNameNotEndingWith("_Factory")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "io.columnline.domain..", "io.columnline.application..", "java..", "jakarta.inject..");
        rule.check(classes);
    }

    @Test
    void adapters_do_not_depend_on_each_other() {
        ArchRule rule =
                slices().matching("io.columnline.adapters.(*)..").should().notDependOnEachOther();
        rule.check(classes);
    }

    @Test
    void only_the_app_module_sees_the_app() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("io.columnline.app..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.columnline.app..");
        rule.check(classes);
    }

    @Test
    void no_package_cycles() {
        ArchRule rule = slices().matching("io.columnline.(**)").should().beFreeOfCycles();
        rule.check(classes);
    }

    @Test
    void sql_exceptions_stay_in_the_postgres_adapter() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("io.columnline.adapters.postgres..")
                .and()
                .resideOutsideOfPackage("io.columnline.app..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.sql.SQLException");
        rule.check(classes);
    }

    @Test
    void every_module_is_laid_out_by_the_same_areas() {
        for (JavaClass c : classes) {
            Optional<String> area = areaOf(c);
            if (area.isPresent()
                    && !AREAS.contains(area.get())
                    && !area.get().equals(SHARED)
                    && !TRANSLATIONS.contains(c.getPackageName())) {
                throw new AssertionError(c.getName() + " is in the package " + c.getPackageName()
                        + ", which is neither one of the areas " + AREAS + " nor " + SHARED);
            }
        }
    }

    @Test
    void a_translation_layer_reaches_the_areas_only_through_their_inbound_ports_and_no_area_reaches_it() {
        for (String translation : TRANSLATIONS) {
            classes()
                    .that()
                    .resideInAPackage(translation)
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage(
                            translation,
                            "io.columnline.application.*.port.in..",
                            "io.columnline.application.shared..",
                            "io.columnline.domain..",
                            "io.columnline.adapters.http.shared..",
                            "java..",
                            "jakarta.inject..",
                            "dagger..",
                            "com.fasterxml.jackson..")
                    .check(classes);
            String adapterRoot = translation.substring(0, translation.lastIndexOf('.'));
            noClasses()
                    .that()
                    .resideOutsideOfPackage(translation)
                    .and()
                    .resideOutsideOfPackage("io.columnline.app..")
                    .and(com.tngtech.archunit.base.DescribedPredicate.describe(
                            "are not the adapter's root module",
                            (JavaClass c) -> !c.getPackageName().equals(adapterRoot)))
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(translation)
                    .check(classes);
        }
    }

    @Test
    void areas_are_free_of_cycles_between_them() {
        SliceAssignment byArea = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return areaOf(javaClass)
                        .filter(AREAS::contains)
                        .map(SliceIdentifier::of)
                        .orElse(SliceIdentifier.ignore());
            }

            @Override
            public String getDescription() {
                return "the areas of every module";
            }
        };
        slices().assignedFrom(byArea).should().beFreeOfCycles().check(classes);
    }

    @Test
    void an_area_reaches_another_only_through_its_inbound_ports_and_the_domain() {
        classes()
                .that()
                .resideInAPackage("io.columnline..")
                .should(reachOtherAreasOnlyThroughTheirInboundPorts())
                .check(classes);
    }

    /**
     * Another area's {@code port.in} and the domain are open to all; its services, outbound ports and
     * adapters are not, except that an area may answer an outbound port another area declares (the
     * dependency then points from the answering area to the declaring one). The shared package of a
     * module serves every area and is held to the same rule when it reaches into one.
     */
    private static ArchCondition<JavaClass> reachOtherAreasOnlyThroughTheirInboundPorts() {
        return new ArchCondition<>("reach other areas only through their inbound ports") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> from = areaOf(origin);
                if (from.isEmpty()) {
                    return;
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    Optional<String> to = areaOf(target);
                    if (to.isEmpty() || to.equals(from) || to.get().equals(SHARED)) {
                        continue;
                    }
                    String pkg = target.getPackageName();
                    String application = "io.columnline.application." + to.get();
                    boolean inboundPort =
                            pkg.equals(application + ".port.in") || pkg.startsWith(application + ".port.in.");
                    boolean answersItsPort = pkg.equals(application + ".port.out")
                            && target.isInterface()
                            && origin.isAssignableTo(target.getName());
                    if (!inboundPort && !answersItsPort) {
                        events.add(SimpleConditionEvent.violated(
                                dependency,
                                "area " + from.get() + " reaches into area " + to.get() + ": "
                                        + dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The area (or {@code shared}) of a class in {@code application} or an adapter; empty elsewhere. */
    static Optional<String> areaOf(JavaClass javaClass) {
        Matcher m = AREA_PACKAGE.matcher(javaClass.getPackageName());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
