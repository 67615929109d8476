package io.columnline.domain.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A parsed JSON value, for the rules that look inside documents: input assembly, JSON pointers,
 * provider responses. Parsing is strict RFC 8259 (one value, nothing after it); numbers keep the
 * text they were written with. {@link #document()} writes the canonical text a {@link
 * JsonDocument} holds: keys sorted, no insignificant whitespace.
 */
public sealed interface JsonValue {
    /** Deeper nesting is refused: no document can exhaust the stack. */
    int MAX_DEPTH = 500;

    record Obj(Map<String, JsonValue> fields) implements JsonValue {
        public Obj {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public Optional<JsonValue> get(String name) {
            return Optional.ofNullable(fields.get(name));
        }

        /** The text of a string field, if the field is a string. */
        public Optional<String> string(String name) {
            return get(name).filter(v -> v instanceof Str).map(v -> ((Str) v).value());
        }

        /** A whole number field, if the field is one. */
        public Optional<Long> whole(String name) {
            return get(name).flatMap(JsonValue::asLong);
        }
    }

    record Arr(List<JsonValue> items) implements JsonValue {
        public Arr {
            items = List.copyOf(items);
        }
    }

    record Str(String value) implements JsonValue {}

    record Num(String text) implements JsonValue {}

    record Bool(boolean value) implements JsonValue {}

    enum Null implements JsonValue {
        NULL
    }

    static JsonValue of(JsonDocument document) {
        return parse(document.text());
    }

    /** Refuses malformed text with {@link IllegalArgumentException} saying where. */
    static JsonValue parse(String text) {
        return new Reader(text).document();
    }

    static Obj object(Map<String, JsonValue> fields) {
        return new Obj(fields);
    }

    static Str string(String value) {
        return new Str(value);
    }

    default Optional<Long> asLong() {
        if (this instanceof Num n) {
            try {
                return Optional.of(new java.math.BigDecimal(n.text()).longValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 6901: the value the pointer names, or empty when there is none. The empty pointer is the
     * whole value; an array index is a number without leading zeros.
     */
    default Optional<JsonValue> at(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return Optional.of(this);
        }
        if (pointer.charAt(0) != '/') {
            return Optional.empty();
        }
        JsonValue at = this;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (at instanceof Obj o) {
                at = o.fields().get(token);
            } else if (at instanceof Arr a && token.matches("0|[1-9][0-9]{0,8}")) {
                int index = Integer.parseInt(token);
                at = index < a.items().size() ? a.items().get(index) : null;
            } else {
                at = null;
            }
            if (at == null) {
                return Optional.empty();
            }
        }
        return Optional.of(at);
    }

    /** The canonical text: keys sorted at every level, no white space. */
    default JsonDocument document() {
        var out = new StringBuilder();
        write(this, out);
        return new JsonDocument(out.toString());
    }

    /** A string as its text, anything else as its canonical JSON (how a value fills a prompt's {@code {{name}}}). */
    default String asText() {
        return this instanceof Str s ? s.value() : document().text();
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value) {
            case Obj o -> {
                out.append('{');
                boolean first = true;
                for (var field : new TreeMap<>(o.fields()).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    JsonText.quote(out, field.getKey());
                    out.append(':');
                    write(field.getValue(), out);
                }
                out.append('}');
            }
            case Arr a -> {
                out.append('[');
                for (int i = 0; i < a.items().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(a.items().get(i), out);
                }
                out.append(']');
            }
            case Str s -> JsonText.quote(out, s.value());
            case Num n -> out.append(n.text());
            case Bool b -> out.append(b.value());
            case Null n -> out.append("null");
        }
    }

    /** A recursive-descent reader of one JSON text. */
    final class Reader {
        private final String text;
        private int at;
        private int depth;

        private Reader(String text) {
            this.text = text;
        }

        JsonValue document() {
            space();
            JsonValue value = value();
            space();
            if (at < text.length()) {
                throw fail("unexpected text after the value");
            }
            return value;
        }

        private JsonValue value() {
            if (at >= text.length()) {
                throw fail("a value is missing");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> new Str(string());
                case 't' -> word("true", new Bool(true));
                case 'f' -> word("false", new Bool(false));
                case 'n' -> word("null", Null.NULL);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw fail("unexpected character '" + c + "'");
                }
            };
        }

        private JsonValue object() {
            nest();
            at++;
            Map<String, JsonValue> fields = new LinkedHashMap<>();
            space();
            if (peek() == '}') {
                at++;
                depth--;
                return new Obj(fields);
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw fail("a field name is missing");
                }
                String name = string();
                space();
                expect(':');
                space();
                fields.remove(name);
                fields.put(name, value());
                space();
                char c = peek();
                at++;
                if (c == ',') {
                    continue;
                }
                if (c == '}') {
                    depth--;
                    return new Obj(fields);
                }
                throw fail("',' or '}' is missing");
            }
        }

        private JsonValue array() {
            nest();
            at++;
            List<JsonValue> items = new ArrayList<>();
            space();
            if (peek() == ']') {
                at++;
                depth--;
                return new Arr(items);
            }
            while (true) {
                space();
                items.add(value());
                space();
                char c = peek();
                at++;
                if (c == ',') {
                    continue;
                }
                if (c == ']') {
                    depth--;
                    return new Arr(items);
                }
                throw fail("',' or ']' is missing");
            }
        }

        private void nest() {
            if (++depth > MAX_DEPTH) {
                throw fail("nested deeper than " + MAX_DEPTH + " levels");
            }
        }

        private String string() {
            at++;
            var out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw fail("a string is not closed");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw fail("a control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    throw fail("a string is not closed");
                }
                char e = text.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw fail("a \\u escape is cut short");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw fail("a \\u escape is not hexadecimal");
                        }
                        at += 4;
                    }
                    default -> throw fail("'\\" + e + "' is not an escape");
                }
            }
        }

        private JsonValue number() {
            int start = at;
            if (peek() == '-') {
                at++;
            }
            if (peek() == '0') {
                at++;
            } else if (digit()) {
                while (digit()) {
                    at++;
                }
            } else {
                throw fail("a number has no digits");
            }
            if (peek() == '.') {
                at++;
                if (!digit()) {
                    throw fail("a number has no digits after '.'");
                }
                while (digit()) {
                    at++;
                }
            }
            if (peek() == 'e' || peek() == 'E') {
                at++;
                if (peek() == '+' || peek() == '-') {
                    at++;
                }
                if (!digit()) {
                    throw fail("a number has no digits in its exponent");
                }
                while (digit()) {
                    at++;
                }
            }
            return new Num(text.substring(start, at));
        }

        private boolean digit() {
            char c = peek();
            return c >= '0' && c <= '9';
        }

        private JsonValue word(String word, JsonValue value) {
            if (!text.startsWith(word, at)) {
                throw fail("unexpected text");
            }
            at += word.length();
            return value;
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw fail("'" + c + "' is missing");
            }
            at++;
        }

        private void space() {
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                at++;
            }
        }

        private IllegalArgumentException fail(String why) {
            return new IllegalArgumentException("not JSON at character " + at + ": " + why);
        }
    }
}
