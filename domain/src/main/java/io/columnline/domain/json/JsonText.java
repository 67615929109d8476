package io.columnline.domain.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads just enough of JSON text without a JSON library: the top-level fields of an object the way
 * PostgreSQL's {@code ->>} answers them (strings unquoted, other values as their JSON text, null as
 * null), and an array of strings. The text is expected to be valid JSON (it was validated when it
 * came in); anything else fails with {@link IllegalArgumentException}.
 */
public final class JsonText {
    private final String text;
    private int at;
    /** Where strings with escapes are put together; as long as the text, so any of its strings fits. */
    private char[] buffer;

    private JsonText(String text) {
        this.text = text;
    }

    /** The fields in document order (a repeated name keeps its last value), or empty for a non-object. */
    public static Optional<Map<String, String>> topLevelFields(String json) {
        var reader = new JsonText(json);
        reader.space();
        if (reader.at >= json.length() || reader.peek() != '{') {
            return Optional.empty();
        }
        reader.at++;
        Map<String, String> fields = new LinkedHashMap<>();
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
            fields.remove(name);
            fields.put(name, reader.scalarOrRaw());
            reader.space();
            if (reader.peek() == ',') {
                reader.at++;
                continue;
            }
            reader.expect('}');
            return Optional.of(fields);
        }
    }

    /**
     * The fields in document order with each value's JSON text as written (a string keeps its quotes,
     * null is {@code null}), or empty for a non-object.
     */
    public static Optional<Map<String, String>> topLevelRawFields(String json) {
        var reader = new JsonText(json);
        reader.space();
        if (reader.at >= json.length() || reader.peek() != '{') {
            return Optional.empty();
        }
        reader.at++;
        Map<String, String> fields = new LinkedHashMap<>();
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
            fields.remove(name);
            fields.put(name, json.substring(start, reader.at));
            reader.space();
            if (reader.peek() == ',') {
                reader.at++;
                continue;
            }
            reader.expect('}');
            return Optional.of(fields);
        }
    }

    /** A whole document as {@code #>> '{}'} answers it: a string unquoted, null as null, anything else as is. */
    public static String scalarOrRaw(String json) {
        var reader = new JsonText(json);
        reader.space();
        return reader.scalarOrRaw();
    }

    /** The items of a JSON array of strings and nulls. */
    public static List<String> strings(String json) {
        var reader = new JsonText(json);
        reader.space();
        reader.expect('[');
        List<String> items = new ArrayList<>();
        reader.space();
        if (reader.peek() == ']') {
            return items;
        }
        while (true) {
            reader.space();
            if (reader.peek() == 'n') {
                reader.expectWord("null");
                items.add(null);
            } else {
                items.add(reader.string());
            }
            reader.space();
            if (reader.peek() == ',') {
                reader.at++;
                continue;
            }
            reader.expect(']');
            return items;
        }
    }

    /** Appends {@code value} as a JSON string (or {@code null}). */
    public static StringBuilder quote(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    private String scalarOrRaw() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        int start = at;
        value();
        String raw = text.substring(start, at);
        return raw.equals("null") ? null : raw;
    }

    private char peek() {
        if (at >= text.length()) {
            throw new IllegalArgumentException("JSON text ends early: " + abbreviated());
        }
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + at + " in " + abbreviated());
        }
        at++;
    }

    private void expectWord(String word) {
        if (!text.startsWith(word, at)) {
            throw new IllegalArgumentException("expected " + word + " at " + at + " in " + abbreviated());
        }
        at += word.length();
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    /** Reads a string; runs of plain characters are copied whole, so long texts with escapes stay cheap. */
    private String string() {
        expect('"');
        int quote = text.indexOf('"', at);
        int slash = text.indexOf('\\', at);
        if (quote >= 0 && (slash < 0 || slash > quote)) {
            String value = text.substring(at, quote);
            at = quote + 1;
            return value;
        }
        // plain runs are copied in bulk into a buffer no longer than what is left of the text
        if (buffer == null) {
            buffer = new char[text.length()];
        }
        char[] value = buffer;
        int length = 0;
        while (true) {
            if (quote >= 0 && quote < at) {
                quote = text.indexOf('"', at);
            }
            if (slash >= 0 && slash < at) {
                slash = text.indexOf('\\', at);
            }
            if (quote < 0) {
                throw new IllegalArgumentException("a string is not closed in " + abbreviated());
            }
            if (slash < 0 || slash > quote) {
                text.getChars(at, quote, value, length);
                length += quote - at;
                at = quote + 1;
                return new String(value, 0, length);
            }
            text.getChars(at, slash, value, length);
            length += slash - at;
            at = slash + 1;
            char escaped = peek();
            at++;
            value[length++] = switch (escaped) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw new IllegalArgumentException("a \\u escape ends early in " + abbreviated());
                    }
                    char c = hex(at);
                    at += 4;
                    yield c;
                }
                default -> escaped;
            };
        }
    }

    /**
     * The four hex digits of a {@code \\u} escape. ASCII digits only: {@link Integer#parseInt} would
     * take any Unicode digit (a fuzz finding: {@code \\u004\u0663} read as {@code C}).
     */
    private char hex(int from) {
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || text.charAt(i) > 'f') {
                throw new IllegalArgumentException("a \\u escape needs four hex digits in " + abbreviated());
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    /** Skips one value of any kind. */
    private void value() {
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            do {
                char d = peek();
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

    private String abbreviated() {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
