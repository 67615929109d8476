package io.columnline.domain.prompt;

import io.columnline.domain.error.Invalid;
import io.columnline.domain.error.Violation;
import io.columnline.domain.error.Violations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prompt text with <code>{{variable}}</code> placeholders (spaces inside the braces are allowed).
 * Two opening braces that are never closed, or that do not hold a variable name, make the template
 * invalid. A third opening brace is literal text, so <code>{{{name}}}</code> renders as
 * <code>{value}</code>.
 */
public final class PromptTemplate {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}");

    private final String text;
    private final List<Part> parts;
    private final Set<String> variables;

    public PromptTemplate(String text) {
        if (text == null || text.isBlank()) {
            throw new Invalid("template", "is required and must not be blank");
        }
        this.text = text;
        this.parts = parse(text);
        var names = new LinkedHashSet<String>();
        parts.stream().filter(p -> p instanceof Variable).forEach(p -> names.add(((Variable) p).name()));
        this.variables = java.util.Collections.unmodifiableSet(names);
    }

    public String text() {
        return text;
    }

    /** The variable names in order of first use. */
    public Set<String> variables() {
        return variables;
    }

    /** Fills every placeholder; a variable without a value is refused, every missing one named. */
    public String render(Map<String, String> values) {
        var missing = new Violations();
        for (String name : variables) {
            if (values.get(name) == null) {
                missing.add("variables." + name, "has no value; the template uses {{" + name + "}}");
            }
        }
        missing.throwIfAny();
        var out = new StringBuilder(text.length() + 256);
        for (Part part : parts) {
            switch (part) {
                case Literal literal -> out.append(literal.text());
                case Variable variable -> out.append(values.get(variable.name()));
            }
        }
        return out.toString();
    }

    private sealed interface Part {}

    private record Literal(String text) implements Part {}

    private record Variable(String name) implements Part {}

    private static List<Part> parse(String text) {
        List<Part> parts = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        int literalStart = 0;
        int i = 0;
        while (true) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                break;
            }
            while (open + 2 < text.length() && text.charAt(open + 2) == '{') {
                open++; // the extra brace before the placeholder is literal text
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                problems.add(
                        new Violation("template", "'{{' at " + position(text, open) + " is never closed with '}}'"));
                break;
            }
            String name = text.substring(open + 2, close).strip();
            if (!NAME.matcher(name).matches()) {
                problems.add(
                        new Violation(
                                "template",
                                "'{{" + abbreviate(text.substring(open + 2, close)) + "}}' at " + position(text, open)
                                        + " is not a variable: use letters, digits, '_', '.' or '-', such as {{company_name}}"));
            } else {
                if (open > literalStart) {
                    parts.add(new Literal(text.substring(literalStart, open)));
                }
                parts.add(new Variable(name));
            }
            i = close + 2;
            literalStart = i;
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        if (literalStart < text.length()) {
            parts.add(new Literal(text.substring(literalStart)));
        }
        return List.copyOf(parts);
    }

    private static String position(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (index - lineStart + 1);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PromptTemplate that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
