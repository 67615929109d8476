package io.columnline.application.prompts.memory;

import io.columnline.application.prompts.port.out.Prompts;
import io.columnline.application.shared.Cursor;
import io.columnline.application.shared.Page;
import io.columnline.application.shared.PageRequest;
import io.columnline.domain.error.Invalid;
import io.columnline.domain.prompt.Prompt;
import io.columnline.domain.prompt.PromptKey;
import io.columnline.domain.prompt.PromptLabel;
import io.columnline.domain.prompt.PromptVersion;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

public final class InMemoryPrompts implements Prompts {
    private final Map<PromptKey, NavigableMap<Integer, PromptVersion>> versions = new HashMap<>();
    private final Map<PromptKey, Map<PromptLabel, Integer>> labels = new HashMap<>();

    @Override
    public synchronized Optional<Prompt> byKey(PromptKey key) {
        NavigableMap<Integer, PromptVersion> stored = versions.get(key);
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(new Prompt(
                key,
                stored.lastKey(),
                labels.getOrDefault(key, Map.of()),
                stored.firstEntry().getValue().createdAt()));
    }

    @Override
    public synchronized Optional<Integer> latestVersion(PromptKey key) {
        return Optional.ofNullable(versions.get(key)).map(NavigableMap::lastKey);
    }

    @Override
    public synchronized Page<Prompt> list(PageRequest page) {
        String after = page.cursor().map(c -> c.value(0)).orElse("");
        List<Prompt> rows = versions.keySet().stream()
                .filter(k -> k.value().compareTo(after) > 0)
                .sorted(Comparator.comparing(PromptKey::value))
                .limit(page.limit() + 1L)
                .map(k -> byKey(k).orElseThrow())
                .toList();
        return Page.fromLookahead(rows, page.limit(), p -> Cursor.of(p.key().value()));
    }

    @Override
    public synchronized void addVersion(PromptVersion version) {
        NavigableMap<Integer, PromptVersion> stored = versions.computeIfAbsent(version.key(), k -> new TreeMap<>());
        if (stored.containsKey(version.version())) {
            throw new IllegalStateException("prompt " + version.key() + " already has version " + version.version());
        }
        stored.put(version.version(), version);
    }

    @Override
    public synchronized void setLabel(PromptKey key, PromptLabel label, int version) {
        if (!versions.containsKey(key) || !versions.get(key).containsKey(version)) {
            throw new IllegalStateException("prompt " + key + " has no version " + version);
        }
        labels.computeIfAbsent(key, k -> new HashMap<>()).put(label, version);
    }

    @Override
    public synchronized Optional<PromptVersion> version(PromptKey key, int version) {
        return Optional.ofNullable(versions.get(key)).map(v -> v.get(version));
    }

    @Override
    public synchronized Page<PromptVersion> versions(PromptKey key, PageRequest page) {
        int before = page.cursor().map(c -> versionCursor(c)).orElse(Integer.MAX_VALUE);
        List<PromptVersion> rows =
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
