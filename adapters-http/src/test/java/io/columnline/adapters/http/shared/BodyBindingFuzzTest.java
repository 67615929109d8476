package io.columnline.adapters.http.shared;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.fuzz.ShortFuzz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Request body binding, for every body record the routes read: the records are found on the
 * classpath (nested records named {@code *Body} in this adapter), so a new one is fuzzed without
 * being listed. An input is {@code RouteClass.BodyRecord} on its first line and the body after it;
 * a name that is no record picks one by its hash. Binding runs as {@link Request#body} does, then
 * every method the record adds (such as a conversion to the domain's draft) is called. A body may be
 * refused as {@link MalformedBody} (400) or {@link Invalid} (422), and nothing else.
 */
class BodyBindingFuzzTest {
    private static final List<Class<?>> BODIES = bodies();

    @FuzzTest
    void bind(byte[] data) throws Exception {
        String text = new String(data, UTF_8);
        int newline = text.indexOf('\n');
        String name = newline < 0 ? text : text.substring(0, newline);
        byte[] body = newline < 0 ? new byte[0] : text.substring(newline + 1).getBytes(UTF_8);
        Class<?> type = BODIES.stream()
                .filter(c -> label(c).equals(name))
                .findFirst()
                .orElse(BODIES.get(Math.floorMod(name.hashCode(), BODIES.size())));
        Object bound;
        try {
            bound = bindAsRequestDoes(body, type);
        } catch (MalformedBody | Invalid refused) {
            return;
        }
        for (Method method : added(type)) {
            try {
                method.invoke(bound);
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof Invalid)) {
                    throw new AssertionError(
                            label(type) + "." + method.getName() + "() threw on " + text, e.getCause());
                }
            }
        }
    }

    @Test
    void bindShortRun() {
        ShortFuzz.run(getClass(), "bind", this::bind);
    }

    @Test
    void everyBodyRecordIsFound() {
        // the routes read more than twenty bodies; an empty list would make the target test nothing
        if (BODIES.size() < 20) {
            throw new AssertionError("found only " + BODIES);
        }
    }

    /** {@link Request#body}: straight from the bytes, else the tree, which names the problem. */
    private static Object bindAsRequestDoes(byte[] body, Class<?> type) {
        if (body.length > 0) {
            Object bound = Json.bindBytes(body, type);
            if (bound != null) {
                return bound;
            }
        }
        return Json.bind(body.length == 0 ? Json.object() : Json.tree(body), type);
    }

    /** Zero-argument instance methods beyond the record's accessors and Object's. */
    private static List<Method> added(Class<?> type) {
        Set<String> components = Arrays.stream(type.getRecordComponents())
                .map(c -> c.getName())
                .collect(java.util.stream.Collectors.toSet());
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
                .filter(m -> !components.contains(m.getName()))
                .filter(m -> !Set.of("toString", "hashCode").contains(m.getName()))
                .sorted(Comparator.comparing(Method::getName))
                .peek(m -> m.setAccessible(true))
                .toList();
    }

    private static String label(Class<?> type) {
        return type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
    }

    private static List<Class<?>> bodies() {
        try {
            Path root = Path.of(Json.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.map(root::relativize)
                        .map(Path::toString)
                        .filter(f -> f.matches(".*\\$[A-Za-z]*Body\\.class"))
                        .sorted()
                        .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                        .<Class<?>>map(BodyBindingFuzzTest::load)
                        .filter(Class::isRecord)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, BodyBindingFuzzTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
