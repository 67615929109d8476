package io.columnline.adapters.cli.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodingOutputStreamTest {
    @Test
    void characters_split_across_writes_arrive_whole() throws Exception {
        String text = "Кириллица, emoji \uD83D\uDE00 and more ".repeat(5000);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        try (var stream = new DecodingOutputStream(out)) {
            for (int at = 0; at < bytes.length; at += 7) {
                stream.write(bytes, at, Math.min(7, bytes.length - at));
            }
        }
        assertThat(out.toString()).isEqualTo(text);
    }
}
