package io.columnline.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The dependency rules of DESIGN.md; a leak fails the build. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {
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
            "io.columnline.application.service.ClientService",
            "io.columnline.adapters.postgres.JdbiSession",
            "io.columnline.adapters.http.HttpServer",
            "io.columnline.adapters.cli.CliCommand",
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
}
