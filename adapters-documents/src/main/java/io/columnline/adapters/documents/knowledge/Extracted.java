package io.columnline.adapters.documents.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A document's text and its structural sections: ranges of the text, each with what it is (a
 * heading path, a page, a JSON member). Chunks never span two sections.
 */
record Extracted(String text, List<Section> sections) {
    record Section(int start, int end, Map<String, Object> metadata) {}
}
