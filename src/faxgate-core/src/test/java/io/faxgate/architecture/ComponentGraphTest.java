package io.faxgate.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.platform.boundary.FieldError;
import io.faxgate.platform.boundary.ForbiddenException;
import io.faxgate.platform.boundary.InvalidInputException;
import io.faxgate.platform.boundary.NotFoundException;
import io.faxgate.platform.boundary.TooManyRequestsException;
import jakarta.persistence.Entity;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The component graph of docs/architecture.md (decision 0020), enforced: each component may use only the
 * components below it, entities use no control or boundary code, controls no boundary code (the platform's refusal
 * exceptions excepted), and only the owner of an entity creates or changes it.
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

    static String[] above(String component) {
        return ORDER.subList(ORDER.indexOf(component) + 1, ORDER.size()).stream()
                .map(c -> "io.faxgate." + c + "..").toArray(String[]::new);
    }

    @Test
    void everyClassBelongsToAComponentOfTheGraph() {
        ArchRuleDefinition.classes().that().resideOutsideOfPackage("db.migration")
                .should().resideInAnyPackage(ORDER.stream().map(c -> "io.faxgate." + c + "..")
                .toArray(String[]::new)).because("a new component needs its place in the graph (decision 0020)").check(core);
    }

    @Test
    void componentsDependOnlyOnComponentsBelowThem() {
        for (String component : ORDER.subList(0, ORDER.size() - 1)) {
            noClasses().that().resideInAPackage("io.faxgate." + component + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above(component))
                    .because(component + " sits below " + Arrays.toString(above(component)) + " (decision 0020)")
                    .check(core);
        }
    }

    @Test
    void entitiesUseNoControlOrBoundaryCode() {
        noClasses().that().resideInAPackage("..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..")
                .check(core);
    }

    @Test
    void controlsUseNoBoundaryCodeButThePlatformRefusals() {
        noClasses().that().resideInAPackage("..control..")
                .should().dependOnClassesThat(resideInAPackage("..boundary..").and(not(belongToAnyOf(
                        ConflictException.class, FieldError.class, ForbiddenException.class, InvalidInputException.class,
                        NotFoundException.class, TooManyRequestsException.class))))
                .check(core);
    }

    @Test
    void onlyTheOwningComponentCreatesOrChangesItsEntities() {
        ArchRule rule = ArchRuleDefinition.classes().should(new ArchCondition<>("create or change only their own component's entities") {
            @Override
            public void check(com.tngtech.archunit.core.domain.JavaClass caller, ConditionEvents events) {
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
        rule.check(core);
    }

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
