package io.columnline.application.prompts.memory;

import io.columnline.application.prompts.port.out.Pipelines;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.pipeline.Pipeline;
import io.columnline.domain.pipeline.PipelineKey;
import io.columnline.domain.pipeline.PipelineVersion;
import io.columnline.domain.prompt.PromptLabel;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

public final class InMemoryPipelines implements Pipelines {
    private final Map<PipelineKey, NavigableMap<Integer, PipelineVersion>> versions = new HashMap<>();
    private final Map<PipelineKey, Map<PromptLabel, Integer>> labels = new HashMap<>();

    @Override
    public synchronized Optional<Pipeline> byKey(PipelineKey key) {
        NavigableMap<Integer, PipelineVersion> stored = versions.get(key);
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(new Pipeline(
                key,
                stored.lastKey(),
                labels.getOrDefault(key, Map.of()),
                stored.firstEntry().getValue().createdAt()));
    }

    @Override
    public synchronized Page<Pipeline> list(PageRequest page) {
        String after = page.cursor().map(c -> c.value(0)).orElse("");
        List<Pipeline> rows = versions.keySet().stream()
                .filter(k -> k.value().compareTo(after) > 0)
                .sorted(Comparator.comparing(PipelineKey::value))
                .limit(page.limit() + 1L)
                .map(k -> byKey(k).orElseThrow())
                .toList();
        return Page.fromLookahead(rows, page.limit(), p -> Cursor.of(p.key().value()));
    }

    @Override
    public synchronized void addVersion(PipelineVersion version) {
        NavigableMap<Integer, PipelineVersion> stored = versions.computeIfAbsent(version.key(), k -> new TreeMap<>());
        if (stored.containsKey(version.version())) {
            throw new IllegalStateException("pipeline " + version.key() + " already has version " + version.version());
        }
        stored.put(version.version(), version);
    }

    @Override
    public synchronized void setLabel(PipelineKey key, PromptLabel label, int version) {
        if (!versions.containsKey(key) || !versions.get(key).containsKey(version)) {
            throw new IllegalStateException("pipeline " + key + " has no version " + version);
        }
        labels.computeIfAbsent(key, k -> new HashMap<>()).put(label, version);
    }

    @Override
    public synchronized Optional<PipelineVersion> version(PipelineKey key, int version) {
        return Optional.ofNullable(versions.get(key)).map(v -> v.get(version));
    }

    @Override
    public synchronized Page<PipelineVersion> versions(PipelineKey key, PageRequest page) {
        int before = page.cursor().map(InMemoryPipelines::versionCursor).orElse(Integer.MAX_VALUE);
        List<PipelineVersion> rows =
                versions.getOrDefault(key, new TreeMap<>()).headMap(before, false).descendingMap().values().stream()
                        .limit(page.limit() + 1L)
                        .toList();
        return Page.fromLookahead(rows, page.limit(), v -> Cursor.of(Integer.toString(v.version())));
    }

    private static int versionCursor(Cursor cursor) {
        try {
            return Integer.parseInt(cursor.value(0));
        } catch (NumberFormatException e) {
            throw new Invalid("cursor", "is not a cursor this API returned; pass next_cursor unchanged");
        }
    }
}
