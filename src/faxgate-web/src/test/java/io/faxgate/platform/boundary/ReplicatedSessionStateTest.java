package io.faxgate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.flow.FlowScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sessions are replicated across the deployment group (web.xml {@code <distributable/>}): every session- and
 * view-scoped bean, and everything its fields can hold, must serialize — otherwise the session silently stays on
 * one node, and a form opened on A cannot be submitted through B. This walks the compiled classes, finds every such
 * bean, and follows its non-transient fields' declared types (and their type arguments) through our own classes.
 * Injected references (@EJB, @Inject) are serialized by the container as references, not followed.
 */
class ReplicatedSessionStateTest {

    @Test
    void everySessionAndViewScopedBeanSerializesWithAllItHolds() throws IOException {
        List<Class<?>> beans = scopedBeans();
        assertThat(beans).as("the admin pages and the staff console are view-scoped beans").hasSizeGreaterThan(5);
        List<String> problems = new ArrayList<>();
        Set<Type> seen = new HashSet<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            checkFields(bean, bean.getSimpleName(), seen, problems);
        }
        assertThat(problems).isEmpty();
    }

    private static void checkFields(Class<?> type, String path, Set<Type> seen, List<String> problems) {
        // Our own classes only: a library superclass (PrimeFaces' LazyDataModel) answers for its own fields.
        for (Class<?> c = type; c != null && c.getName().startsWith("io.faxgate."); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int mod = field.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || field.isSynthetic()
                        || field.isAnnotationPresent(EJB.class) || field.isAnnotationPresent(Inject.class)) {
                    continue;
                }
                checkType(field.getGenericType(), path + "." + field.getName(), seen, problems);
            }
        }
    }

    private static void checkType(Type type, String path, Set<Type> seen, List<String> problems) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType p) {
            checkType(p.getRawType(), path, seen, problems);
            for (Type argument : p.getActualTypeArguments()) {
                checkType(argument, path + "<>", seen, problems);
            }
            return;
        }
        if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                checkType(bound, path, seen, problems);
            }
            return;
        }
        if (!(type instanceof Class<?> c) || c.isPrimitive() || c == Object.class) {
            return;
        }
        if (c.isAnnotationPresent(Stateless.class) || c.isAnnotationPresent(Singleton.class)) {
            return; // an EJB reference handed to a lazy model: serialized by the container as a reference
        }
        if (c.isArray()) {
            checkType(c.getComponentType(), path + "[]", seen, problems);
            return;
        }
        boolean container = Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c);
        if (c.isInterface() && container) {
            return; // List.of(), ArrayList, HashMap...: serializable; their elements are checked as type arguments
        }
        if (c == Optional.class) {
            problems.add(path + " is an Optional, which does not serialize");
            return;
        }
        if (!Serializable.class.isAssignableFrom(c)) {
            problems.add(path + " (" + c.getName() + ") is not Serializable");
            return;
        }
        if (c.getName().startsWith("io.faxgate.")) {
            checkFields(c, path, seen, problems);
        }
    }

    private static List<Class<?>> scopedBeans() throws IOException {
        Path classes = Path.of("target/classes");
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> c = Class.forName(name, false, ReplicatedSessionStateTest.class.getClassLoader());
                    if (c.isAnnotationPresent(ViewScoped.class) || c.isAnnotationPresent(SessionScoped.class)
                            || c.isAnnotationPresent(ConversationScoped.class) || c.isAnnotationPresent(FlowScoped.class)) {
                        beans.add(c);
                    }
                } catch (ClassNotFoundException | LinkageError notLoadableHere) {
                    // a class whose dependencies are provided by the server only: not a bean we can inspect
                }
            }
        }
        return beans;
    }
}
