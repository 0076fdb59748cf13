package io.faxgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.faxgate.fax.boundary.planted.PlantedNamedBean;
import io.faxgate.fax.boundary.planted.PlantedPage;
import io.faxgate.fax.boundary.planted.PlantedPageUsingRecords;
import io.faxgate.fax.boundary.planted.PlantedResource;
import io.faxgate.fax.control.FaxLines;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decision 0010 and 0020: pages and JAX-RS resources call the core's facades (boundary EJBs) only — never a
 * control bean of the core, never the database. Records and enums of the core may travel through them.
 */
class PagesCallFacadesTest {

    private static JavaClasses web;

    @BeforeAll
    static void importWeb() {
        // the web's classes and the core's (from the class path): the rule needs the core classes' annotations
        web = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.faxgate");
    }

    static final DescribedPredicate<JavaClass> PAGES_AND_RESOURCES = new DescribedPredicate<>("pages (and the @Named beans they use) and JAX-RS resources") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            // @Named in a boundary package: the pages' form and session beans (core entities and transports are @Named too)
            boolean pageBean = top.isAnnotatedWith(Named.class) && top.getPackageName().contains(".boundary");
            return top.getSimpleName().endsWith("Page") || pageBean || top.isAnnotatedWith(Path.class);
        }
    };

    static final DescribedPredicate<JavaClass> CORE_CONTROL_BEANS = new DescribedPredicate<>("control beans of the core") {
        @Override
        public boolean test(JavaClass c) {
            return c.getPackageName().contains(".control") && (c.isAnnotatedWith(Stateless.class)
                    || c.isAnnotatedWith(Singleton.class) || c.isAnnotatedWith(ApplicationScoped.class)
                    || c.isAnnotatedWith(RequestScoped.class) || c.isAnnotatedWith(Dependent.class));
        }
    };

    static final ArchRule PAGES_AND_RESOURCES_USE_NO_CONTROL_BEAN = noClasses().that().resideInAPackage("io.faxgate..")
            .and(PAGES_AND_RESOURCES).should().dependOnClassesThat(CORE_CONTROL_BEANS)
            .because("pages and resources call facades only (decisions 0010, 0020)");

    static final ArchRule PAGES_AND_RESOURCES_DO_NOT_TOUCH_THE_DATABASE = noClasses().that().resideInAPackage("io.faxgate..")
            .and(PAGES_AND_RESOURCES).should().dependOnClassesThat().areAssignableTo(EntityManager.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("the database is the core's, behind its facades (decision 0020)");

    @Test
    void pagesAndResourcesUseNoControlBean() {
        PAGES_AND_RESOURCES_USE_NO_CONTROL_BEAN.check(web);
    }

    @Test
    void pagesAndResourcesDoNotTouchTheDatabase() {
        PAGES_AND_RESOURCES_DO_NOT_TOUCH_THE_DATABASE.check(web);
    }

    /** The rules above, run against planted violations (test classes in ….planted): each must find its violation. */
    @Test
    void theRulesFindPlantedViolations() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedPage.class, PlantedResource.class, PlantedNamedBean.class,
                PlantedPageUsingRecords.class, FaxLines.class);
        var controls = PAGES_AND_RESOURCES_USE_NO_CONTROL_BEAN.evaluate(planted);
        assertThat(controls.hasViolation()).isTrue();
        assertThat(String.join("\n", controls.getFailureReport().getDetails()))
                .contains(PlantedPage.class.getName()).contains(PlantedNamedBean.class.getName())
                .doesNotContain(PlantedPageUsingRecords.class.getName());
        var database = PAGES_AND_RESOURCES_DO_NOT_TOUCH_THE_DATABASE.evaluate(planted);
        assertThat(database.hasViolation()).isTrue();
        assertThat(String.join("\n", database.getFailureReport().getDetails()))
                .contains(PlantedResource.class.getName() + ".em").contains(PlantedResource.class.getName() + ".dataSource");
    }
}
