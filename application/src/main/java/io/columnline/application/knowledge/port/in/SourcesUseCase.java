package io.columnline.application.knowledge.port.in;

import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.access.Caller;
import io.columnline.domain.client.ClientSlug;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.Source;
import io.columnline.domain.knowledge.SourceChunk;
import io.columnline.domain.knowledge.SourceId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A client's context sources: register, read back, wait for, delete. */
public interface SourcesUseCase {
    long DEFAULT_MAX_SOURCE_BYTES = 50L * 1024 * 1024;

    /**
     * Registers a document. The same bytes again for the client are the source already registered;
     * a key with changed bytes is that key's next version, processed while the older one stays.
     */
    Added add(Command command);

    /**
     * Registers chunks a pipeline cut and embedded itself: they are stored as they are, with their
     * vectors under the caller's model; nothing is chunked or embedded again. Every vector must be
     * finite and of one dimension: the model's, when the client (or this server) has vectors of it.
     */
    Added addEmbedded(EmbeddedCommand command);

    Source get(Caller caller, SourceId id);

    /** Waits up to {@code wait} for the source to be ready or failed, and answers it as it is then. */
    Source await(Caller caller, SourceId id, Duration wait);

    Page<Source> list(Caller caller, ListQuery query, PageRequest page);

    byte[] content(Caller caller, SourceId id);

    Page<SourceChunk> chunks(Caller caller, SourceId id, PageRequest page);

    void delete(Caller caller, SourceId id);

    /**
     * {@code type} is a source type key (text, markdown, csv, pdf, json; spreadsheet and api are
     * accepted as csv and json) or empty to take it from the content type.
     */
    record Command(
            Caller caller,
            Optional<ClientSlug> client,
            Optional<String> key,
            Optional<String> name,
            Optional<String> type,
            String contentType,
            byte[] content,
            Optional<JsonDocument> metadata) {}

    /** The caller's chunks: {@code content} and {@code embedding} of each, its metadata optional. */
    record EmbeddedCommand(
            Caller caller,
            Optional<ClientSlug> client,
            Optional<String> key,
            Optional<String> name,
            Optional<JsonDocument> metadata,
            Optional<String> model,
            List<GivenChunk> chunks) {}

    record GivenChunk(String content, double[] embedding, Optional<JsonDocument> metadata) {}

    /** {@code created} false: the same bytes were registered already, and that source is answered. */
    record Added(Source source, boolean created) {}

    record ListQuery(Optional<String> client, Optional<String> status, Optional<String> type, Optional<String> key) {}
}
