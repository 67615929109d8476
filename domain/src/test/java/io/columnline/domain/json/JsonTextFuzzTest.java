package io.columnline.domain.json;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columnline.domain.fuzz.ShortFuzz;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonText} against Jackson on the same text: on valid JSON it must answer what Jackson reads
 * (field by field, strings unquoted, other values as text that reads back equal); on anything else
 * it may refuse with {@link IllegalArgumentException} and nothing else.
 */
class JsonTextFuzzTest {
    private static final ObjectMapper JACKSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /**
     * Jackson reads a {@code \\u} escape's hex digits by the low byte of each character, so
     * {@code "\\ude0\u0263"} passes as {@code \\ude0c}; the first finding of this target. JsonText may
     * refuse such text, which no stored document holds (Jackson writes it back without the escape).
     */
    private static final java.util.regex.Pattern JACKSON_LENIENT_HEX =
            java.util.regex.Pattern.compile("\\\\u(?![0-9a-fA-F]{4})");

    @FuzzTest
    void fields(byte[] data) throws JsonProcessingException {
        String text = new String(data, UTF_8);
        JsonNode expected = jackson(text);
        if (!fieldsAgree(text, expected) || expected == null) {
            return;
        }
        // stored JSON reaches JsonText as Jackson or PostgreSQL wrote it: compact, or spaced out
        fieldsAgree(JACKSON.writeValueAsString(expected), expected);
        fieldsAgree(JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected), expected);
    }

    /** False when JsonText refused text that Jackson reads only because Jackson is lenient. */
    private static boolean fieldsAgree(String text, JsonNode expected) {
        Optional<Map<String, String>> fields;
        String whole;
        try {
            fields = JsonText.topLevelFields(text);
            whole = JsonText.scalarOrRaw(text);
        } catch (IllegalArgumentException refused) {
            if (expected != null && !JACKSON_LENIENT_HEX.matcher(text).find()) {
                throw new AssertionError("valid JSON refused: " + text, refused);
            }
            return false;
        }
        if (expected == null) {
            return true;
        }
        same(text, "the whole document", whole, expected);
        if (!expected.isObject()) {
            if (fields.isPresent()) {
                throw new AssertionError("fields of a non-object: " + text);
            }
            return true;
        }
        Map<String, String> read = fields.orElseThrow(() -> new AssertionError("no fields of an object: " + text));
        List<String> names = new ArrayList<>();
        expected.fieldNames().forEachRemaining(names::add);
        if (!new java.util.HashSet<>(names).equals(read.keySet())) {
            throw new AssertionError("field names " + read.keySet() + ", Jackson reads " + names + " in " + text);
        }
        for (String name : names) {
            same(text, "field " + name, read.get(name), expected.get(name));
        }
        return true;
    }

    @FuzzTest
    void strings(byte[] data) {
        String text = new String(data, UTF_8);
        JsonNode expected = jackson(text);
        List<String> items;
        try {
            items = JsonText.strings(text);
        } catch (IllegalArgumentException refused) {
            if (expected != null
                    && expected.isArray()
                    && onlyStrings(expected)
                    && !JACKSON_LENIENT_HEX.matcher(text).find()) {
                throw new AssertionError("an array of strings refused: " + text, refused);
            }
            return;
        }
        if (expected != null && expected.isArray() && onlyStrings(expected)) {
            List<String> wanted = new ArrayList<>();
            expected.forEach(item -> wanted.add(item.isNull() ? null : item.textValue()));
            if (!wanted.equals(items)) {
                throw new AssertionError(items + ", Jackson reads " + wanted + " in " + text);
            }
        }
    }

    @Test
    void fieldsShortRun() {
        ShortFuzz.run(getClass(), "fields", this::fields);
    }

    @Test
    void stringsShortRun() {
        ShortFuzz.run(getClass(), "strings", this::strings);
    }

    private static boolean onlyStrings(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual() && !item.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static void same(String text, String what, String read, JsonNode expected) {
        if (expected.isNull()) {
            if (read != null) {
                throw new AssertionError(what + " is null, read as " + read + " in " + text);
            }
        } else if (expected.isTextual()) {
            if (!expected.textValue().equals(read)) {
                throw new AssertionError(what + " is " + expected + ", read as " + read + " in " + text);
            }
        } else if (read == null || !expected.equals(jackson(read))) {
            throw new AssertionError(what + " is " + expected + ", read as " + read + " in " + text);
        }
    }

    /** Jackson's tree, or null when the text is not one JSON document. */
    private static JsonNode jackson(String text) {
        try {
            JsonNode node = JACKSON.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
