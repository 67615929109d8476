package io.columnline.adapters.http.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code /openapi.json}: the base document plus every area's fragment, merged once at start. Each
 * operation is tagged with the area its routes live in (a fragment may name its own tags), so a
 * tool groups the API by the product's areas.
 */
public final class OpenApi {
    private final ObjectNode document;
    private final byte[] bytes;

    private OpenApi(ObjectNode document) {
        this.document = document;
        this.bytes = Json.write(document);
    }

    static OpenApi assemble(Collection<? extends Routes> areas) {
        ObjectNode document = (ObjectNode) load("/openapi/base.json");
        for (Routes area : areas) {
            area.openApiFragment().ifPresent(resource -> merge(document, tagged(load(resource), areaOf(area))));
        }
        return new OpenApi(document);
    }

    public JsonNode document() {
        return document;
    }

    byte[] bytes() {
        return bytes;
    }

    /** The area package the routes live in: {@code tracking} for {@code adapters.http.tracking.RunRoutes}. */
    static String areaOf(Routes area) {
        String pkg = area.getClass().getPackageName();
        String name = pkg.substring(pkg.lastIndexOf('.') + 1);
        return name.equals("shared") ? "operations" : name;
    }

    private static JsonNode tagged(JsonNode fragment, String tag) {
        for (JsonNode pathItem : fragment.path("paths")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = pathItem.fields(); it.hasNext(); ) {
                var entry = it.next();
                if (entry.getValue() instanceof ObjectNode operation
                        && !entry.getKey().equals("parameters")
                        && !operation.has("tags")) {
                    operation.putArray("tags").add(tag);
                }
            }
        }
        return fragment;
    }

    private static void merge(ObjectNode target, JsonNode fragment) {
        for (Iterator<Map.Entry<String, JsonNode>> it = fragment.fields(); it.hasNext(); ) {
            var entry = it.next();
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode existingObject
                    && entry.getValue().isObject()) {
                merge(existingObject, entry.getValue());
            } else if (existing != null) {
                throw new IllegalStateException("OpenAPI fragments both define " + entry.getKey());
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        }
    }

    private static JsonNode load(String resource) {
        try (InputStream in = OpenApi.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI resource " + resource + " is missing");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
