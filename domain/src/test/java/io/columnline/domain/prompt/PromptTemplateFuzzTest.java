package io.columnline.domain.prompt;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.fuzz.ShortFuzz;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The template parser: any text either parses or is refused with {@link Invalid}; a template that
 * parses renders with a value for each variable it names (each value shows up), is refused with
 * {@link Invalid} when one is missing, and text without placeholders renders as itself.
 */
class PromptTemplateFuzzTest {
    @FuzzTest
    void parse(byte[] data) {
        String text = new String(data, UTF_8);
        PromptTemplate template;
        try {
            template = new PromptTemplate(text);
        } catch (Invalid refused) {
            return;
        }
        Map<String, String> values = new HashMap<>();
        for (String name : template.variables()) {
            values.put(name, "\u0001" + name + "\u0002");
        }
        String rendered = template.render(values);
        for (String name : template.variables()) {
            if (!rendered.contains("\u0001" + name + "\u0002")) {
                throw new AssertionError(name + " is not in " + rendered);
            }
        }
        if (!text.contains("{{") && !rendered.equals(text)) {
            throw new AssertionError("text without placeholders rendered as " + rendered);
        }
        if (!template.variables().isEmpty()) {
            values.remove(template.variables().iterator().next());
            try {
                template.render(values);
                throw new AssertionError("rendered without a value for every variable: " + text);
            } catch (Invalid expected) {
                // the missing variable is named
            }
        }
    }

    @Test
    void parseShortRun() {
        ShortFuzz.run(getClass(), "parse", this::parse);
    }
}
