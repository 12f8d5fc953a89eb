package org.dudao;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rules on the shape of the code that module boundaries alone do not express. */
class ArchitectureTests {

    final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.dudao");

    @Test
    void sharedDependsOnNoBusinessModule() {
        noClasses()
                .that()
                .resideInAPackage("org.dudao.shared..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.dudao.organization..",
                        "org.dudao.identity..",
                        "org.dudao.audit..",
                        "org.dudao.portal..",
                        "org.dudao.demo..")
                .check(classes);
    }

    @Test
    void nothingDependsOnAuditPortalOrDemo() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.dudao.audit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.dudao.audit..")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackages("org.dudao.portal..", "org.dudao.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.dudao.portal..", "org.dudao.demo..")
                .check(classes);
    }

    @Test
    void controllersLiveInWebPackagesOrThePortal() {
        classes()
                .that()
                .areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should()
                .resideInAnyPackage("..web..", "org.dudao.portal..")
                .check(classes);
    }

    @Test
    void domainDoesNotDependOnTheWebLayer() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.dudao..web..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("org.dudao.shared..")))
                .because("a module's domain does not know its pages; shared request helpers are allowed")
                .check(classes);
    }

    @Test
    void scoringEngineIsPlainJava() {
        classes()
                .that()
                .resideInAPackage("org.dudao.scoring.engine..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.dudao.scoring.engine..")
                .because("the scoring engine is plain Java: no framework, no persistence, no JSON")
                .check(classes);
    }

    @Test
    void entitiesStoreNoFloatingPointNumbers() {
        noFields()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(jakarta.persistence.Entity.class)
                .should()
                .haveRawType(double.class)
                .orShould()
                .haveRawType(float.class)
                .orShould()
                .haveRawType(Double.class)
                .orShould()
                .haveRawType(Float.class)
                .because("points and scores are numeric (BigDecimal), never floating point")
                .check(classes);
    }
}
