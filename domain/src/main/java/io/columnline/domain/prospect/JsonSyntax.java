package io.columnline.domain.prospect;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that text is one JSON value (RFC 8259), and reads arrays of strings. The domain has no
 * JSON library; a value that passes here is stored as {@code jsonb}, so NUL escapes, which
 * PostgreSQL refuses, are refused here too.
 */
final class JsonSyntax {
    private final String text;
    private int pos;

    private JsonSyntax(String text) {
        this.text = text;
    }

    static void check(String text) {
        var parser = new JsonSyntax(text);
        parser.value(0);
        parser.space();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the JSON value");
        }
    }

    static List<String> stringArray(String text) {
        var parser = new JsonSyntax(text);
        List<String> items = new ArrayList<>();
        parser.expect('[');
        parser.space();
        if (parser.peek() == ']') {
            parser.pos++;
        } else {
            while (true) {
                parser.space();
                if (parser.peek() != '"') {
                    throw parser.error("a list written as JSON must hold strings only");
                }
                items.add(parser.string());
                parser.space();
                char c = parser.next();
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    throw parser.error("expected ',' or ']' in the JSON array");
                }
            }
        }
        parser.space();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the JSON array");
        }
        return items;
    }

    private void value(int depth) {
        if (depth > 200) {
            throw error("JSON nested too deeply");
        }
        space();
        char c = peek();
        switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number();
                } else {
                    throw error("not valid JSON");
                }
            }
        }
    }

    private void object(int depth) {
        expect('{');
        space();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw error("expected a quoted key in the JSON object");
            }
            string();
            space();
            expect(':');
            value(depth + 1);
            space();
            char c = next();
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw error("expected ',' or '}' in the JSON object");
            }
        }
    }

    private void array(int depth) {
        expect('[');
        space();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            value(depth + 1);
            space();
            char c = next();
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw error("expected ',' or ']' in the JSON array");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character inside a JSON string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("incomplete \\u escape");
                    }
                    int code;
                    try {
                        code = Integer.parseInt(text.substring(pos, pos + 4), 16);
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    if (code == 0) {
                        throw error("\\u0000 cannot be stored");
                    }
                    pos += 4;
                    out.append((char) code);
                }
                default -> throw error("bad escape in a JSON string");
            }
        }
    }

    private void number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else {
            digits();
        }
        if (peek() == '.') {
            pos++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits();
        }
        if (pos == start) {
            throw error("not a JSON number");
        }
    }

    private void digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error("not a JSON number");
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("not valid JSON");
        }
        pos += word.length();
    }

    private void space() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) {
            throw error("the JSON ends too early");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private BadValue error(String reason) {
        return new BadValue("is not valid JSON (" + reason + " at character " + (pos + 1) + ")");
    }
}
