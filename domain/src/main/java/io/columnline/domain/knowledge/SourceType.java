package io.columnline.domain.knowledge;

import io.columnline.domain.error.Invalid;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a source is, and the content type its bytes arrive with; the type chooses the reader. */
public enum SourceType {
    TEXT("text", "text/plain"),
    MARKDOWN("markdown", "text/markdown"),
    CSV("csv", "text/csv"),
    PDF("pdf", "application/pdf"),
    JSON("json", "application/json");

    private final String key;
    private final String contentType;

    SourceType(String key, String contentType) {
        this.key = key;
        this.contentType = contentType;
    }

    public String key() {
        return key;
    }

    public String contentType() {
        return contentType;
    }

    /** The seed's other kinds arrive as their readers: a spreadsheet is CSV, an API payload JSON. */
    public static SourceType fromKey(String field, String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "spreadsheet" -> CSV;
            case "api" -> JSON;
            case "md" -> MARKDOWN;
            default ->
                Arrays.stream(values())
                        .filter(t -> t.key.equals(k))
                        .findFirst()
                        .orElseThrow(() -> new Invalid(field, "must be one of text, markdown, csv, pdf, json"));
        };
    }

    /** The type of a content type (parameters such as charset ignored); empty when none reads it. */
    public static Optional<SourceType> fromContentType(String contentType) {
        String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.contentType.equals(bare)).findFirst();
    }

    public static String supportedContentTypes() {
        return String.join(
                ", ", Arrays.stream(values()).map(SourceType::contentType).toList());
    }
}
