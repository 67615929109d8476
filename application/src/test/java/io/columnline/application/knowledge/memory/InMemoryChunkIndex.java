package io.columnline.application.knowledge.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columnline.application.knowledge.port.out.ChunkIndex;
import io.columnline.domain.client.ClientId;
import io.columnline.domain.json.JsonDocument;
import io.columnline.domain.knowledge.SourceId;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every chunk in a map, searched exhaustively: words folded (case, ё/е) and matched whole or as the
 * start of a word, exact cosine similarity, and PostgreSQL's JSON containment for metadata.
 * Written chunks are searchable at {@link #commit}, as in the real index.
 */
public final class InMemoryChunkIndex implements ChunkIndex {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<UUID, IndexedChunk> pending = new LinkedHashMap<>();
    private Map<UUID, IndexedChunk> committed = Map.of();
    private Optional<Position> position = Optional.empty();

    @Override
    public synchronized Optional<Position> position() {
        return position;
    }

    @Override
    public synchronized void remove(Collection<SourceId> sources) {
        Set<SourceId> gone = Set.copyOf(sources);
        pending.values().removeIf(c -> gone.contains(c.source()));
    }

    @Override
    public synchronized void add(List<IndexedChunk> chunks) {
        chunks.forEach(c -> pending.put(c.chunk(), c));
    }

    @Override
    public synchronized void clear() {
        pending.clear();
        committed = Map.of();
        position = Optional.empty();
    }

    @Override
    public synchronized void commit(Position reached) {
        committed = new LinkedHashMap<>(pending);
        position = Optional.of(reached);
    }

    @Override
    public synchronized List<Hit> lexical(ClientId client, String text, ChunkFilter filter, int limit) {
        List<String> terms = words(text);
        List<Hit> hits = new ArrayList<>();
        for (IndexedChunk chunk : matching(client, filter)) {
            List<String> words = words(chunk.content());
            double score = 0;
            for (String term : terms) {
                if (words.contains(term)) {
                    score += 1;
                } else if (term.length() >= 2 && words.stream().anyMatch(w -> w.startsWith(term))) {
                    score += 0.5;
                }
            }
            if (score > 0) {
                hits.add(new Hit(chunk.withoutVectors(), score));
            }
        }
        return best(hits, limit);
    }

    @Override
    public synchronized List<Hit> nearest(
            ClientId client, String model, float[] vector, ChunkFilter filter, int limit) {
        List<Hit> hits = new ArrayList<>();
        for (IndexedChunk chunk : matching(client, filter)) {
            float[] other = chunk.vectors().get(model);
            if (other != null && other.length == vector.length) {
                hits.add(new Hit(chunk.withoutVectors(), cosine(vector, other)));
            }
        }
        return best(hits, limit);
    }

    @Override
    public synchronized long size() {
        return committed.size();
    }

    @Override
    public void close() {}

    private List<IndexedChunk> matching(ClientId client, ChunkFilter filter) {
        Optional<JsonNode> wanted = filter.metadata().map(InMemoryChunkIndex::tree);
        return committed.values().stream()
                .filter(c -> c.client().equals(client))
                .filter(c -> filter.sources().isEmpty() || filter.sources().contains(c.source()))
                .filter(c -> filter.types().isEmpty() || filter.types().contains(c.sourceType()))
                .filter(c -> filter.keys().isEmpty()
                        || c.sourceKey().filter(filter.keys()::contains).isPresent())
                .filter(c -> filter.createdAfter()
                        .map(after -> c.sourceCreatedAt().isAfter(after))
                        .orElse(true))
                .filter(c -> wanted.map(w -> contains(tree(c.metadata()), w)).orElse(true))
                .toList();
    }

    private static List<Hit> best(List<Hit> hits, int limit) {
        return hits.stream()
                .sorted(Comparator.comparingDouble(Hit::score)
                        .reversed()
                        .thenComparing(h -> h.chunk().chunk()))
                .limit(limit)
                .toList();
    }

    static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replace('ё', 'е');
        return java.util.Arrays.stream(folded.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .collect(Collectors.toList());
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** PostgreSQL's {@code jsonb @>}: objects by member recursively, arrays by element, scalars by value. */
    static boolean contains(JsonNode doc, JsonNode wanted) {
        if (wanted.isObject()) {
            if (!doc.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                JsonNode value = doc.get(member.getKey());
                if (value == null || !contains(value, member.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (wanted.isArray()) {
            if (!doc.isArray()) {
                return false;
            }
            for (JsonNode element : wanted) {
                boolean found = false;
                for (JsonNode candidate : doc) {
                    if (contains(candidate, element)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        if (wanted.isNumber() && doc.isNumber()) {
            return wanted.decimalValue().compareTo(doc.decimalValue()) == 0;
        }
        return wanted.equals(doc);
    }

    private static JsonNode tree(JsonDocument document) {
        try {
            return JSON.readTree(document.text());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + document.text(), e);
        }
    }
}
