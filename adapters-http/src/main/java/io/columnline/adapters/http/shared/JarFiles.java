package io.columnline.adapters.http.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Files the jar carries (the console's own, and the webjars /docs and /console serve). */
final class JarFiles {
    private JarFiles() {}

    /** The version of a webjar on the class path, from its Maven pom.properties. */
    static String webjarVersion(String groupId, String artifactId) {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    static byte[] read(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = JarFiles.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("the jar lacks " + path);
        }
        return in;
    }
}
