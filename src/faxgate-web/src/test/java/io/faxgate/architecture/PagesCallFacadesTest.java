package io.faxgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
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

    static final DescribedPredicate<JavaClass> PAGES_AND_RESOURCES = new DescribedPredicate<>("pages and JAX-RS resources") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return top.getSimpleName().endsWith("Page") || top.isAnnotatedWith(Path.class);
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

    @Test
    void pagesAndResourcesUseNoControlBean() {
        noClasses().that().resideInAPackage("io.faxgate..").and(PAGES_AND_RESOURCES).should().dependOnClassesThat(CORE_CONTROL_BEANS)
                .because("pages and resources call facades only (decisions 0010, 0020)").check(web);
    }

    @Test
    void pagesAndResourcesDoNotTouchTheDatabase() {
        noClasses().that().resideInAPackage("io.faxgate..").and(PAGES_AND_RESOURCES).should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .check(web);
    }
}
