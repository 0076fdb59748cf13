package io.faxgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.faxgate.access.control.planted.AccessUsingFax;
import io.faxgate.access.control.planted.AccessWritingDirectoryRows;
import io.faxgate.directory.control.DirectoryUsers;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.fax.boundary.FaxFacade;
import io.faxgate.fax.boundary.planted.BoundaryWithNativeSql;
import io.faxgate.fax.control.FaxLines;
import io.faxgate.fax.control.planted.ControlUsingFacade;
import io.faxgate.fax.control.planted.ControlUsingJdbc;
import io.faxgate.fax.control.planted.FaxUsingAccess;
import io.faxgate.fax.entity.planted.EntityUsingControl;
import io.faxgate.sso.control.SsoScopeRule;
import io.faxgate.tenant.control.planted.TenantReachingUp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each architecture rule of ComponentGraphTest and TableOwnershipTest, run against small planted violations (test
 * classes under {@code io.faxgate.<component>.….planted}, test sources under src/test/planted-sources): a rule that
 * matched nothing or checked the wrong thing would pass on the real code and fail here. Where it matters the rule
 * also has to name the planted class, and real classes imported alongside must not be reported.
 */
class RulesCatchViolationsTest {

    /** The planted classes and the real ones they use, imported once (an import per test costs seconds). */
    private static JavaClasses planted;

    @BeforeAll
    static void importPlanted() {
        // only what is named here: resolving every dependency of the real classes from the class path costs seconds
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            planted = importPlantedClasses();
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }

    private static JavaClasses importPlantedClasses() {
        return new ClassFileImporter().importClasses(TenantReachingUp.class, SsoScopeRule.class, FaxUsingAccess.class,
                AccessUsingFax.class, EntityUsingControl.class, FaxLines.class, ControlUsingFacade.class, FaxFacade.class,
                AccessWritingDirectoryRows.class, DirectoryUser.class, DirectoryUsers.class, BoundaryWithNativeSql.class,
                ControlUsingJdbc.class);
    }

    /** The part of the planted set a test is about (the rules see only these classes, resolved from the one import). */
    private static JavaClasses classes(Class<?>... classes) {
        java.util.Set<String> names = java.util.Arrays.stream(classes).map(Class::getName).collect(java.util.stream.Collectors.toSet());
        return planted.that(new com.tngtech.archunit.base.DescribedPredicate<>("one of " + names) {
            @Override
            public boolean test(com.tngtech.archunit.core.domain.JavaClass c) {
                return names.contains(c.getName());
            }
        });
    }

    private static String violations(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as(rule.getDescription() + " finds the planted violation").isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void aComponentReachingUpTheGraphIsReported() {
        String report = violations(ComponentGraphTest.COMPONENTS_DEPEND_ONLY_DOWNWARDS,
                classes(TenantReachingUp.class, SsoScopeRule.class));
        assertThat(report).contains("TenantReachingUp").contains("tenant sits below sso").doesNotContain("<" + SsoScopeRule.class.getName() + ".");
    }

    @Test
    void twoComponentsImportingEachOtherAreReported() {
        String report = violations(ComponentGraphTest.COMPONENTS_FREE_OF_CYCLES, classes(FaxUsingAccess.class, AccessUsingFax.class));
        assertThat(report).contains("FaxUsingAccess").contains("AccessUsingFax");
        // the order rule sees the upward half of the pair as well
        assertThat(violations(ComponentGraphTest.COMPONENTS_DEPEND_ONLY_DOWNWARDS, classes(FaxUsingAccess.class, AccessUsingFax.class)))
                .contains("FaxUsingAccess").doesNotContain("AccessUsingFax.fax");
    }

    @Test
    void anEntityUsingControlCodeIsReported() {
        assertThat(violations(ComponentGraphTest.ENTITIES_USE_NO_CONTROL_OR_BOUNDARY, classes(EntityUsingControl.class, FaxLines.class)))
                .contains("EntityUsingControl").contains(FaxLines.class.getSimpleName());
    }

    @Test
    void aControlUsingAFacadeIsReportedButNotOneThrowingAPlatformRefusal() {
        String report = violations(ComponentGraphTest.CONTROLS_USE_NO_BOUNDARY, classes(ControlUsingFacade.class, FaxFacade.class));
        assertThat(report).contains("FaxFacade").doesNotContain("NotFoundException");
    }

    @Test
    void aComponentCreatingOrChangingAnotherComponentsEntityIsReported() {
        String report = violations(ComponentGraphTest.OWNERS_ALONE_CREATE_AND_CHANGE_ENTITIES,
                classes(AccessWritingDirectoryRows.class, DirectoryUser.class, DirectoryUsers.class));
        assertThat(report).contains("only directory creates DirectoryUser").contains("only directory changes DirectoryUser")
                .doesNotContain("<" + DirectoryUsers.class.getName() + ".");
    }

    @Test
    void nativeSqlOutsideControlAndJdbcOutsideThePlatformAreReported() {
        assertThat(violations(ComponentGraphTest.NATIVE_SQL_ONLY_IN_CONTROL, classes(BoundaryWithNativeSql.class, ControlUsingJdbc.class)))
                .contains("BoundaryWithNativeSql").doesNotContain("ControlUsingJdbc");
        assertThat(violations(ComponentGraphTest.JDBC_ONLY_IN_THE_PLATFORM, classes(ControlUsingJdbc.class)))
                .contains("ControlUsingJdbc").contains("DataSource");
    }

    static final Path PLANTED = Path.of("src/test/planted-sources/io/faxgate");

    @Test
    void nativeSqlOnAnotherComponentsTablesIsReported() throws IOException {
        List<String> found = TableOwnershipTest.nativeSqlOnOthersTables(PLANTED);
        assertThat(found).containsExactlyInAnyOrder(
                "ForeignWrites.java (access) touches fax_line_group_binding, owned by fax",
                "ForeignWrites.java (access) touches fax, owned by fax");
    }

    @Test
    void nativeSqlBuiltAtRunTimeIsReported() throws IOException {
        List<String> found = TableOwnershipTest.nativeSqlNotLiteral(PLANTED);
        assertThat(found).hasSize(2).allMatch(v -> v.startsWith("ForeignWrites.java (access) touches SQL built at run time"));
    }

    @Test
    void bulkJpqlOnAnotherComponentsEntityIsReported() throws IOException {
        assertThat(TableOwnershipTest.bulkJpqlOnOthersEntities(PLANTED))
                .containsExactly("ForeignWrites.java (access) touches DirectoryUser, owned by directory");
    }

    @Test
    void aNamedDeleteRunByAnotherComponentIsReported() throws IOException {
        assertThat(TableOwnershipTest.namedWritesOfOthers(PLANTED))
                .containsExactly("ForeignWrites.java (access) touches CarrierDelivery.PURGE_BEFORE, owned by fax");
    }
}
