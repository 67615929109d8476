package io.columnline.adapters.http.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.json.JsonDocument;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/** The one JSON configuration of the API: snake_case, ISO-8601 instants, strict about unknown fields. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private Json() {}

    public static JsonNode tree(byte[] body) {
        if (body.length == 0) {
            throw new MalformedBody("the request needs a JSON body");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedBody("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (CharConversionException e) {
            // Jackson guesses UTF-16 or UTF-32 from the first bytes; text that is neither fails here,
            // not as a parse error (a fuzz finding: a 500 before)
            throw new MalformedBody("the body is not valid JSON: " + e.getMessage() + "; send it as UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Binds a JSON object to a request record, naming the field and the problem when it cannot. */
    public static <T> T bind(JsonNode node, Class<T> type) {
        if (node == null || !node.isObject()) {
            throw new MalformedBody("the body must be a JSON object");
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            throw new Invalid(path(e), "is not a known field; expected one of " + known(e));
        } catch (InvalidFormatException e) {
            throw new Invalid(path(e), "must be " + describe(e.getTargetType()) + ", got " + e.getValue());
        } catch (MismatchedInputException e) {
            throw new Invalid(path(e), "must be " + describe(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw new Invalid(path(e), cause(e));
        } catch (JsonProcessingException e) {
            throw new MalformedBody("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Binds a JSON object straight from its bytes, or answers null when they do not bind (for the
     * caller to refuse them with {@link #tree} and {@link #bind(JsonNode, Class)}, which name the
     * problem). One pass instead of building the tree and then walking it.
     */
    static <T> T bindBytes(byte[] body, Class<T> type) {
        try {
            return MAPPER.readValue(body, type);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be written as JSON", e);
        }
    }

    /** Writes object keys sorted at every level, without copying the tree first. */
    private static final ObjectWriter CANONICAL = MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

    /** Keys sorted at every level, no whitespace: equal documents get equal text. */
    public static JsonDocument document(JsonNode node) {
        try {
            return new JsonDocument(CANONICAL.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode node(JsonDocument document) {
        try {
            return MAPPER.readTree(document.text());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static String known(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds() == null
                ? "the documented fields"
                : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT);
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return "JSON";
        }
        return "an object";
    }

    private static String cause(JsonMappingException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof Invalid invalid) {
            return invalid.violations().get(0).message();
        }
        return "has an invalid value";
    }
}
