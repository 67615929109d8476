package io.columnline.application.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the top-level fields of a JSON object as PostgreSQL's {@code ->>} does (strings unquoted,
 * other values as their JSON text, JSON null as null), so the in-memory export flattens sections
 * like the real one without a JSON library in the core's tests.
 */
final class TopLevelJson {
    private final String text;
    private int at;

    private TopLevelJson(String text) {
        this.text = text;
    }

    /** The fields in document order, or empty when the document is not an object. */
    static Optional<Map<String, String>> fields(String json) {
        var reader = new TopLevelJson(json.strip());
        if (!reader.text.startsWith("{")) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        reader.at = 1;
        reader.space();
        if (reader.peek() == '}') {
            return Optional.of(fields);
        }
        while (true) {
            reader.space();
            String name = reader.string();
            reader.space();
            reader.expect(':');
            reader.space();
            int start = reader.at;
            reader.value();
            String raw = reader.text.substring(start, reader.at);
            if (raw.startsWith("\"")) {
                fields.put(name, new TopLevelJson(raw).string());
            } else {
                fields.put(name, raw.equals("null") ? null : raw);
            }
            reader.space();
            if (reader.peek() == ',') {
                reader.at++;
                continue;
            }
            reader.expect('}');
            return Optional.of(fields);
        }
    }

    private char peek() {
        return text.charAt(at);
    }

    private void expect(char c) {
        if (text.charAt(at) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + at + " in " + text);
        }
        at++;
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private String string() {
        expect('"');
        var value = new StringBuilder();
        while (peek() != '"') {
            char c = text.charAt(at++);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'u' -> {
                    value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> value.append(escaped);
            }
        }
        at++;
        return value.toString();
    }

    private void value() {
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            do {
                char d = text.charAt(at);
                if (d == '"') {
                    string();
                    continue;
                }
                if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    depth--;
                }
                at++;
            } while (depth > 0);
        } else {
            while (at < text.length() && ",}] \t\r\n".indexOf(text.charAt(at)) < 0) {
                at++;
            }
        }
    }
}
