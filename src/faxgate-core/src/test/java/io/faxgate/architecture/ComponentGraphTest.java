package io.faxgate.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;


import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.platform.boundary.FieldError;
import io.faxgate.platform.boundary.ForbiddenException;
import io.faxgate.platform.boundary.InvalidInputException;
import io.faxgate.platform.boundary.NotFoundException;
import io.faxgate.platform.boundary.TooManyRequestsException;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The component graph of docs/architecture.md (decision 0020), enforced: each component may use only the
 * components below it, entities use no control or boundary code, controls no boundary code (the platform's refusal
 * exceptions excepted), only the owner of an entity creates or changes it, native SQL only in control classes and
 * JDBC only in the platform. RulesCatchViolationsTest runs each rule against planted violations, so none of them
 * passes by matching nothing.
 */
class ComponentGraphTest {

    /** Lowest first: a component may depend on the ones before it, never on the ones after it. */
    static final List<String> ORDER = List.of("platform", "tenant", "audit", "directory", "fax", "access", "sso", "operator");

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        // the module's own classes only: importing by package would scan every jar on the test class path
        core = new ClassFileImporter().importPath(java.nio.file.Path.of("target/classes"));
    }

    @Test
    void everyClassBelongsToAComponentOfTheGraph() {
        ArchRuleDefinition.classes().that().resideOutsideOfPackage("db.migration")
                .should().resideInAnyPackage(ORDER.stream().map(c -> "io.faxgate." + c + "..")
                .toArray(String[]::new)).because("a new component needs its place in the graph (decision 0020)").check(core);
    }

    @Test
    void componentsDependOnlyOnComponentsBelowThem() {
        COMPONENTS_DEPEND_ONLY_DOWNWARDS.check(core);
    }

    @Test
    void noTwoComponentsDependOnEachOther() {
        COMPONENTS_FREE_OF_CYCLES.check(core);
    }

    @Test
    void entitiesUseNoControlOrBoundaryCode() {
        ENTITIES_USE_NO_CONTROL_OR_BOUNDARY.check(core);
    }

    @Test
    void controlsUseNoBoundaryCodeButThePlatformRefusals() {
        CONTROLS_USE_NO_BOUNDARY.check(core);
    }

    @Test
    void onlyTheOwningComponentCreatesOrChangesItsEntities() {
        OWNERS_ALONE_CREATE_AND_CHANGE_ENTITIES.check(core);
    }

    @Test
    void nativeSqlOnlyInControlAndJdbcOnlyInThePlatform() {
        NATIVE_SQL_ONLY_IN_CONTROL.check(core);
        JDBC_ONLY_IN_THE_PLATFORM.check(core);
    }

    /** Each class may use its own component and those to the left of it in {@link #ORDER}, never one to the right. */
    static final ArchRule COMPONENTS_DEPEND_ONLY_DOWNWARDS = ArchRuleDefinition.classes()
            .should(new ArchCondition<JavaClass>("depend only on their own component and the components below it") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    int own = ORDER.indexOf(componentOf(origin.getPackageName()));
                    for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                        String target = componentOf(d.getTargetClass().getPackageName());
                        if (own >= 0 && ORDER.indexOf(target) > own) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription() + ": "
                                    + ORDER.get(own) + " sits below " + target + " (decision 0020)"));
                        }
                    }
                }
            });

    /** Stated on its own so that it holds even if {@link #ORDER} were edited carelessly: no two components import each other. */
    static final ArchRule COMPONENTS_FREE_OF_CYCLES = SlicesRuleDefinition.slices().matching("io.faxgate.(*)..")
            .should().beFreeOfCycles().because("components form a one-way graph (decision 0020)");

    static final ArchRule ENTITIES_USE_NO_CONTROL_OR_BOUNDARY = noClasses().that().resideInAPackage("..entity..")
            .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..");

    static final ArchRule CONTROLS_USE_NO_BOUNDARY = noClasses().that().resideInAPackage("..control..")
            .should().dependOnClassesThat(resideInAPackage("..boundary..").and(not(belongToAnyOf(
                    ConflictException.class, FieldError.class, ForbiddenException.class, InvalidInputException.class,
                    NotFoundException.class, TooManyRequestsException.class))));

    /**
     * Native SQL is issued by a component's control classes only, where TableOwnershipTest reads which tables it
     * touches; facades and entities work through JPQL and entities.
     */
    static final ArchRule NATIVE_SQL_ONLY_IN_CONTROL = noClasses().that().resideOutsideOfPackage("..control..")
            .should().callMethodWhere(JavaCall.Predicates.target(AccessTarget.Predicates.declaredIn(EntityManager.class)
                    .and(HasName.Predicates.name("createNativeQuery"))))
            .because("native SQL is a control's job, checked for table ownership by TableOwnershipTest (decision 0020)");

    /**
     * Plain JDBC bypasses both the entity owners and the native-SQL check: only the platform (schema migration) and
     * Flyway's Java migrations issue SQL that way. Reading an SQLException's state is fine.
     */
    static final ArchRule JDBC_ONLY_IN_THE_PLATFORM = noClasses().that().resideOutsideOfPackages("io.faxgate.platform..", "db.migration..")
            .should().dependOnClassesThat(assignableTo(javax.sql.DataSource.class).or(assignableTo(java.sql.Connection.class))
                    .or(assignableTo(java.sql.Statement.class)).or(assignableTo(java.sql.DriverManager.class)))
            .because("SQL outside JPA would write tables past their owners (decision 0020)");

    /** Only the component that owns an entity constructs it or calls its changing methods. */
    static final ArchRule OWNERS_ALONE_CREATE_AND_CHANGE_ENTITIES = ArchRuleDefinition.classes()
            .should(new ArchCondition<>("create or change only their own component's entities") {
                @Override
                public void check(JavaClass caller, ConditionEvents events) {
                    String own = componentOf(caller.getPackageName());
                    for (JavaConstructorCall call : caller.getConstructorCallsFromSelf()) {
                        var target = call.getTargetOwner();
                        if (target.isAnnotatedWith(Entity.class) && !own.equals(componentOf(target.getPackageName()))) {
                            events.add(SimpleConditionEvent.violated(call, call.getDescription()
                                    + ": only " + componentOf(target.getPackageName()) + " creates " + target.getSimpleName()));
                        }
                    }
                    for (JavaMethodCall call : caller.getMethodCallsFromSelf()) {
                        var target = call.getTargetOwner();
                        String name = call.getName();
                        boolean reads = name.startsWith("get") || name.startsWith("is") || name.startsWith("has")
                                || call.getTarget().resolveMember().map(JavaCodeUnit::getModifiers)
                                .map(m -> m.contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)).orElse(false)
                                || READS.contains(name);
                        if (target.isAnnotatedWith(Entity.class) && !reads && !own.equals(componentOf(target.getPackageName()))) {
                            events.add(SimpleConditionEvent.violated(call, call.getDescription()
                                    + ": only " + componentOf(target.getPackageName()) + " changes " + target.getSimpleName()));
                        }
                    }
                }
            });

    /** Entity methods that only read although their names do not say get/is/has. */
    static final List<String> READS = List.of("configuration", "credentialStamp", "equals", "hashCode", "toString",
            "thumbprint", "expiresAt", "certificate");

    static String componentOf(String packageName) {
        String rest = packageName.startsWith("io.faxgate.") ? packageName.substring("io.faxgate.".length()) : packageName;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void theDocumentationShowsThisGraph() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/architecture.md"));
        org.assertj.core.api.Assertions.assertThat(doc).contains(String.join(" ← ", ORDER));
    }
}
