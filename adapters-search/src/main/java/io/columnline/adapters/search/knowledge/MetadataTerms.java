package io.columnline.adapters.search.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columnline.domain.json.JsonDocument;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A chunk's metadata as terms, so that JSON containment is a conjunction of term lookups inside the
 * search. Each value is a term of its path (object members joined by {@code /}, arrays transparent:
 * an array's elements are at the array's path) and its typed value; every object and array also
 * leaves a marker at its path, so an empty one in a filter matches too. A filter contains the
 * terms it makes; the metadata matches when it holds them all. This is PostgreSQL's {@code @>}
 * except that the members of a filter's object inside an array may match in different elements.
 */
final class MetadataTerms {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char SEPARATOR = '\u0000';
    /** Longer values are not indexed (Lucene's terms stop at 32 KB); a filter on one matches nothing. */
    static final int MAX_TERM_CHARS = 4000;

    private MetadataTerms() {}

    /** The terms indexed for a chunk's metadata. */
    static Set<String> of(JsonDocument metadata) {
        Set<String> terms = new LinkedHashSet<>();
        walk(tree(metadata), "", terms);
        terms.removeIf(t -> t.length() > MAX_TERM_CHARS);
        return terms;
    }

    /** The terms a chunk's metadata must all hold to contain {@code filter}. */
    static Set<String> required(JsonDocument filter) {
        Set<String> terms = new LinkedHashSet<>();
        JsonNode node = tree(filter);
        require(node, "", terms, true);
        return terms;
    }

    private static void walk(JsonNode node, String path, Set<String> terms) {
        if (node.isObject()) {
            terms.add(path + SEPARATOR + "{}");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                walk(member.getValue(), path + "/" + escape(member.getKey()), terms);
            }
        } else if (node.isArray()) {
            terms.add(path + SEPARATOR + "[]");
            for (JsonNode element : node) {
                walk(element, path, terms);
            }
        } else {
            terms.add(path + SEPARATOR + scalar(node));
        }
    }

    private static void require(JsonNode node, String path, Set<String> terms, boolean top) {
        if (node.isObject()) {
            if (node.isEmpty() && !top) {
                terms.add(path + SEPARATOR + "{}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                require(member.getValue(), path + "/" + escape(member.getKey()), terms, false);
            }
        } else if (node.isArray()) {
            terms.add(path + SEPARATOR + "[]");
            for (JsonNode element : node) {
                require(element, path, terms, false);
            }
        } else {
            terms.add(path + SEPARATOR + scalar(node));
        }
    }

    private static String scalar(JsonNode node) {
        if (node.isNumber()) {
            return "n:" + node.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (node.isTextual()) {
            return "s:" + node.textValue();
        }
        return node.toString();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode tree(JsonDocument document) {
        try {
            return JSON.readTree(document.text());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
