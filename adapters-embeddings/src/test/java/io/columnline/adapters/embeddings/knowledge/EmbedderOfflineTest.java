package io.columnline.adapters.embeddings.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * DJL calls home (the cloud metadata address, then its telemetry bucket) unless told not to. Each
 * case loads the model in a fresh JVM whose every outgoing connection is recorded and refused; the
 * bare case shows the recording sees DJL's attempts, so the embedder's empty record means something.
 */
class EmbedderOfflineTest {
    record Run(List<String> attempts, String output, Path home) {}

    static Run probe(String how) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("columnline-offline");
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Djava.io.tmpdir=" + tmp,
                "-Duser.home=" + home, // ~/.djl.ai would land here, not in the developer's home
                "-cp",
                System.getProperty("java.class.path"),
                NetworkProbe.class.getName(),
                how,
                home.resolve("djl").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("OPT_OUT_TRACKING");
        builder.environment().remove("DJL_OFFLINE");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as(output).contains("EMBEDDED");
        List<String> attempts = output.lines()
                .filter(l -> l.startsWith("ATTEMPT "))
                .map(l -> l.substring(8))
                .toList();
        return new Run(attempts, output, home);
    }

    @Test
    void the_embedder_opens_no_connection_while_djl_left_alone_calls_home() throws Exception {
        Run bare = probe("bare");
        assertThat(bare.attempts())
                .as("the recording sees DJL's telemetry")
                .anySatisfy(uri -> assertThat(uri).contains("169.254.169.254"));

        Run embedder = probe("embedder");
        assertThat(embedder.attempts()).as(embedder.output()).isEmpty();
        assertThat(embedder.home().resolve(".djl.ai"))
                .as("DJL keeps its files under the given home")
                .doesNotExist();
        try (var files = Files.list(embedder.home().resolve("djl"))) {
            assertThat(files.findAny())
                    .as("the tokenizer's native library is unpacked there")
                    .isPresent();
        }
    }
}
