package io.columnline.application.knowledge.service;

import io.columnline.application.knowledge.port.out.ResearchCache;
import io.columnline.domain.client.ClientId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The research cache's topic vectors of one model, held per client in one flat array each, so a
 * semantic lookup is an exact cosine over the client's topics in memory. PostgreSQL stays the
 * record: before a search the index loads only the topics added since it last looked (their
 * {@code seq} only grows), so several servers and a restart see the same topics.
 */
@Singleton
public final class TopicIndex {
    private final ResearchCache cache;
    private final Map<ClientId, Shelf> shelves = new ConcurrentHashMap<>();

    @Inject
    public TopicIndex(ResearchCache cache) {
        this.cache = cache;
    }

    /** A topic and how close it is to the query (the dot product of unit vectors: the cosine). */
    public record Scored(String topicKey, double similarity) {}

    /** Up to {@code limit} topics at or above {@code min}, nearest first. */
    public List<Scored> nearest(ClientId client, String model, float[] query, double min, int limit) {
        Snapshot s = shelves.computeIfAbsent(client, c -> new Shelf()).refresh(cache, client, model);
        int dimension = query.length;
        int[] best = new int[limit];
        float[] scores = new float[limit];
        int found = 0;
        float floor = (float) min;
        float[] v = s.vectors;
        for (int i = 0; i < s.size; i++) {
            if (s.dimension != dimension) {
                break;
            }
            float score = dot(v, i * dimension, query, dimension);
            if (score < floor) {
                continue;
            }
            if (found < limit) {
                int at = found++;
                while (at > 0 && scores[at - 1] < score) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = score;
                best[at] = i;
            } else if (score > scores[limit - 1]) {
                int at = limit - 1;
                while (at > 0 && scores[at - 1] < score) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = score;
                best[at] = i;
            }
        }
        List<Scored> out = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            out.add(new Scored(s.keys[best[i]], Math.min(1.0, scores[i])));
        }
        return out;
    }

    /** Four sums at once: the multiplications are independent, so the processor overlaps them. */
    static float dot(float[] vectors, int offset, float[] query, int dimension) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < dimension; i += 4) {
            s0 += vectors[offset + i] * query[i];
            s1 += vectors[offset + i + 1] * query[i + 1];
            s2 += vectors[offset + i + 2] * query[i + 2];
            s3 += vectors[offset + i + 3] * query[i + 3];
        }
        for (; i < dimension; i++) {
            s0 += vectors[offset + i] * query[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** What a search reads: arrays only ever appended to past {@code size}, published whole. */
    private record Snapshot(long seq, int dimension, float[] vectors, String[] keys, int size) {}

    private static final class Shelf {
        private volatile Snapshot current = new Snapshot(0, 0, new float[0], new String[0], 0);
        private final ReentrantLock lock = new ReentrantLock();
        private volatile String model;

        /**
         * Loads what was added since; while another caller is loading, searches what is loaded
         * (a topic stored at that very moment may be missed, as it could be a moment earlier).
         */
        Snapshot refresh(ResearchCache cache, ClientId client, String model) {
            if (model.equals(this.model) && !lock.tryLock()) {
                return current;
            }
            if (!lock.isHeldByCurrentThread()) {
                lock.lock();
            }
            try {
                return load(cache, client, model);
            } finally {
                lock.unlock();
            }
        }

        private Snapshot load(ResearchCache cache, ClientId client, String model) {
            if (!model.equals(this.model)) {
                this.model = model;
                current = new Snapshot(0, 0, new float[0], new String[0], 0);
            }
            Snapshot s = current;
            List<ResearchCache.TopicVector> added = cache.topicsAfter(client, model, s.seq());
            if (added.isEmpty()) {
                return s;
            }
            int dimension = s.size() == 0 ? added.getFirst().vector().length : s.dimension();
            int size = s.size();
            float[] vectors = s.vectors();
            String[] keys = s.keys();
            int needed = size + added.size();
            if (keys.length < needed) {
                int capacity = Math.max(needed, keys.length * 2);
                vectors = Arrays.copyOf(vectors, capacity * dimension);
                keys = Arrays.copyOf(keys, capacity);
            }
            long seq = s.seq();
            for (ResearchCache.TopicVector t : added) {
                seq = Math.max(seq, t.seq());
                if (t.vector().length != dimension) {
                    continue; // another space under the same model name: never comparable
                }
                System.arraycopy(t.vector(), 0, vectors, size * dimension, dimension);
                keys[size++] = t.topicKey();
            }
            current = new Snapshot(seq, dimension, vectors, keys, size);
            return current;
        }
    }
}
