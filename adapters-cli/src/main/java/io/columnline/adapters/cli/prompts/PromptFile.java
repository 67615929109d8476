package io.columnline.adapters.cli.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.columnline.domain.json.JsonDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One prompt kept as code: {@code KEY.prompt}, a short header for the model and its parameters,
 * then the template exactly as it is stored.
 *
 * <pre>
 * ---
 * model: gpt-4.1-mini
 * params: {"max_tokens":4000,"temperature":0.2}
 * ---
 * Research {{company_name}} ...
 * </pre>
 *
 * The header is optional; a file without one is all template. Writing then reading a file gives back
 * the same prompt, byte for byte.
 */
record PromptFile(String key, Optional<String> model, JsonDocument params, String template) {
    static final String EXTENSION = ".prompt";
    private static final String FENCE = "---";
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** A file that could not be read as a prompt; the message names the line. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    static String keyOf(String fileName) {
        return fileName.substring(0, fileName.length() - EXTENSION.length());
    }

    static PromptFile parse(String fileName, String text) throws Unreadable {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String key = keyOf(fileName);
        if (!isFence(firstLine(content))) {
            return new PromptFile(key, Optional.empty(), JsonDocument.EMPTY_OBJECT, content);
        }
        String model = null;
        JsonDocument params = null;
        int at = lineEnd(content, 0);
        for (int line = 2; ; line++) {
            if (at >= content.length()) {
                throw new Unreadable("the header that starts on line 1 is never closed with a '---' line");
            }
            int end = lineEnd(content, at);
            String header = stripNewline(content.substring(at, end));
            at = end;
            if (isFence(header)) {
                break;
            }
            if (header.isBlank() || header.startsWith("#")) {
                continue;
            }
            int colon = header.indexOf(':');
            if (colon < 0) {
                throw new Unreadable("line " + line
                        + ": expected 'model: NAME', 'params: {JSON object}' or the '---' that closes the header");
            }
            String name = header.substring(0, colon).strip();
            String value = header.substring(colon + 1).strip();
            switch (name) {
                case "model" -> {
                    if (model != null) {
                        throw new Unreadable("line " + line + ": model is given twice");
                    }
                    model = value;
                }
                case "params" -> {
                    if (params != null) {
                        throw new Unreadable("line " + line + ": params is given twice");
                    }
                    params = params(line, value);
                }
                default ->
                    throw new Unreadable("line " + line + ": '" + name
                            + "' is not a header; the header holds 'model: NAME' and 'params: {JSON object}'");
            }
        }
        return new PromptFile(
                key,
                Optional.ofNullable(model),
                params == null ? JsonDocument.EMPTY_OBJECT : params,
                content.substring(at));
    }

    /** The file's text; a header is written only when there is something to put in it. */
    String render() {
        boolean header = model.isPresent() || !params.equals(JsonDocument.EMPTY_OBJECT) || isFence(firstLine(template));
        if (!header) {
            return template;
        }
        var out = new StringBuilder(FENCE).append('\n');
        model.ifPresent(m -> out.append("model: ").append(m).append('\n'));
        if (!params.equals(JsonDocument.EMPTY_OBJECT)) {
            out.append("params: ").append(params.text()).append('\n');
        }
        return out.append(FENCE).append('\n').append(template).toString();
    }

    private static JsonDocument params(int line, String value) throws Unreadable {
        try {
            JsonNode node = MAPPER.readTree(value);
            if (node == null || !node.isObject()) {
                throw new Unreadable(
                        "line " + line + ": params must be a JSON object on one line, such as {\"temperature\": 0.2}");
            }
            return new JsonDocument(MAPPER.writeValueAsString(sorted(node)));
        } catch (JsonProcessingException e) {
            throw new Unreadable("line " + line + ": params is not JSON: " + e.getOriginalMessage());
        }
    }

    /** Keys sorted at every level, as the API stores JSON, so equal parameters compare equal. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var entry = it.next();
                fields.put(entry.getKey(), sorted(entry.getValue()));
            }
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            return JsonNodeFactory.instance.arrayNode().addAll(items);
        }
        return node;
    }

    private static boolean isFence(String line) {
        return FENCE.equals(line);
    }

    private static String firstLine(String text) {
        return stripNewline(text.substring(0, lineEnd(text, 0)));
    }

    /** The index just past the line starting at {@code from}, newline included. */
    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline + 1;
    }

    private static String stripNewline(String line) {
        if (line.endsWith("\n")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
