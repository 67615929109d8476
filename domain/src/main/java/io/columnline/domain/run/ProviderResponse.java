package io.columnline.domain.run;

import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.json.JsonValue;
import io.columnline.domain.json.JsonValue.Arr;
import io.columnline.domain.json.JsonValue.Obj;
import io.columnline.domain.json.JsonValue.Str;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a step's output says when it is a whole LLM provider response: an OpenAI Responses or Chat
 * Completions answer, an Anthropic Messages answer or a Gemini answer. Usage and model are read
 * from it, and its clean content (what later steps take as input) is the text the model wrote,
 * parsed as JSON when it looks like JSON. An output that looks like a provider response but whose
 * usage cannot be read carries a {@code warning}.
 */
public record ProviderResponse(
        Optional<String> provider,
        Optional<String> model,
        Optional<Long> tokensInput,
        Optional<Long> tokensOutput,
        Optional<Long> latencyMs,
        Optional<String> warning) {

    public static final ProviderResponse NONE = new ProviderResponse(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public boolean hasUsage() {
        return tokensInput.isPresent() || tokensOutput.isPresent();
    }

    /** Cheap: outputs that cannot be provider responses are not parsed. */
    public static ProviderResponse read(Optional<JsonDocument> output) {
        if (output.isEmpty()) {
            return NONE;
        }
        String text = output.get().text();
        if (!text.contains("\"usage") && !text.contains("\"object\"") && !text.contains("\"candidates\"")) {
            return NONE;
        }
        try {
            return read(JsonValue.of(output.get()));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }

    public static ProviderResponse read(JsonValue output) {
        if (output instanceof Arr a && !a.items().isEmpty()) {
            output = a.items().get(0);
        }
        if (!(output instanceof Obj o)) {
            return NONE;
        }
        Optional<String> provider = provider(o);
        if (provider.isEmpty()) {
            return NONE;
        }
        Optional<String> model = o.string("model").or(() -> o.string("modelVersion"));
        Optional<Long> in = Optional.empty();
        Optional<Long> out = Optional.empty();
        Optional<JsonValue> usage = o.get("usage").or(() -> o.get("usageMetadata"));
        if (usage.isPresent() && usage.get() instanceof Obj u) {
            in = u.whole("input_tokens").or(() -> u.whole("prompt_tokens")).or(() -> u.whole("promptTokenCount"));
            out = u.whole("output_tokens")
                    .or(() -> u.whole("completion_tokens"))
                    .or(() -> u.whole("candidatesTokenCount"));
            if (in.isEmpty() && u.whole("totalTokenCount").isPresent()) {
                in = Optional.of(0L);
                out = u.whole("totalTokenCount");
            }
        }
        in = in.filter(t -> t >= 0);
        out = out.filter(t -> t >= 0);
        Optional<Long> latency = Optional.empty();
        Optional<Long> created = o.whole("created_at").or(() -> o.whole("created"));
        Optional<Long> completed = o.whole("completed_at");
        if (created.isPresent() && completed.isPresent() && completed.get() >= created.get()) {
            latency = Optional.of((completed.get() - created.get()) * 1000);
        }
        Optional<String> warning = Optional.empty();
        if (in.isEmpty() && out.isEmpty()) {
            warning = Optional.of("the output looks like " + provider.get()
                    + " answer, but its usage could not be read (no whole, non-negative token counts): stored"
                    + " without tokens, cost_source none");
        }
        return new ProviderResponse(provider, model, in, out, latency, warning);
    }

    private static Optional<String> provider(Obj o) {
        String object = o.string("object").orElse("");
        if (object.equals("response")) {
            return Optional.of("an OpenAI Responses API");
        }
        if (object.startsWith("chat.completion")) {
            return Optional.of("an OpenAI Chat Completions");
        }
        if (o.string("type").filter("message"::equals).isPresent()
                && o.get("content").isPresent()) {
            return Optional.of("an Anthropic Messages");
        }
        if (o.get("candidates").isPresent() || o.get("usageMetadata").isPresent()) {
            return Optional.of("a Gemini");
        }
        if (o.get("usage").isPresent()) {
            return Optional.of("a provider");
        }
        return Optional.empty();
    }

    /**
     * The clean content of an output: a provider response's text (parsed as JSON when it is JSON),
     * then of an object with {@code result}, {@code result.claims} when present, else {@code
     * result}; of an array, its first element.
     */
    public static JsonValue clean(JsonValue output) {
        JsonValue value = output;
        if (value instanceof Obj o && provider(o).isPresent()) {
            Optional<String> text = text(o);
            if (text.isPresent()) {
                value = textValue(text.get());
            }
        }
        if (value instanceof Arr a && !a.items().isEmpty()) {
            value = a.items().get(0);
        }
        if (value instanceof Obj o && o.get("result").isPresent()) {
            JsonValue result = o.get("result").get();
            value = result instanceof Obj r && r.get("claims").isPresent()
                    ? r.get("claims").get()
                    : result;
        }
        return value;
    }

    private static JsonValue textValue(String text) {
        String t = text.strip();
        if (t.startsWith("```")) {
            // models often fence their JSON in a markdown code block
            int firstLine = t.indexOf('\n');
            int close = t.lastIndexOf("```");
            if (firstLine > 0 && close > firstLine) {
                t = t.substring(firstLine + 1, close).strip();
            }
        }
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return JsonValue.parse(t);
            } catch (IllegalArgumentException e) {
                return new Str(text);
            }
        }
        return new Str(text);
    }

    /** The text the model wrote, joined over its parts, in each provider's shape. */
    private static Optional<String> text(Obj o) {
        List<String> parts = new ArrayList<>();
        // Responses: output[type=message].content[type=output_text].text
        items(o.get("output")).forEach(item -> {
            if (item instanceof Obj i
                    && i.string("type").filter("message"::equals).isPresent()) {
                items(i.get("content")).forEach(c -> {
                    if (c instanceof Obj co
                            && co.string("type").filter("output_text"::equals).isPresent()) {
                        co.string("text").ifPresent(parts::add);
                    }
                });
            }
        });
        // Chat Completions: choices[0].message.content
        items(o.get("choices")).stream().findFirst().ifPresent(choice -> {
            if (choice instanceof Obj c && c.get("message").orElse(null) instanceof Obj m) {
                m.string("content").ifPresent(parts::add);
            }
        });
        // Anthropic: content[type=text].text
        items(o.get("content")).forEach(c -> {
            if (c instanceof Obj co && co.string("type").filter("text"::equals).isPresent()) {
                co.string("text").ifPresent(parts::add);
            }
        });
        // Gemini: candidates[0].content.parts[].text
        items(o.get("candidates")).stream().findFirst().ifPresent(candidate -> {
            if (candidate instanceof Obj c && c.get("content").orElse(null) instanceof Obj content) {
                items(content.get("parts")).forEach(p -> {
                    if (p instanceof Obj po) {
                        po.string("text").ifPresent(parts::add);
                    }
                });
            }
        });
        if (o.string("output_text").isPresent() && parts.isEmpty()) {
            parts.add(o.string("output_text").get());
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("", parts));
    }

    private static List<JsonValue> items(Optional<JsonValue> value) {
        return value.filter(v -> v instanceof Arr).map(v -> ((Arr) v).items()).orElse(List.of());
    }
}
