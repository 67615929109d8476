package io.columnline.domain.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonObjectsTest {
    @Test
    void objects_are_written_with_sorted_keys_escaped_text_and_embedded_documents() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("z", "quote \" backslash \\ newline \n tab \t bell \u0007");
        fields.put("a", null);
        fields.put("m", new JsonDocument("{\"x\":[1,2]}"));
        fields.put("b", true);
        fields.put("n", 42);
        assertThat(JsonObjects.object(fields).text())
                .isEqualTo("{\"a\":null,\"b\":true,\"m\":{\"x\":[1,2]},\"n\":42,"
                        + "\"z\":\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007\"}");
    }
}
