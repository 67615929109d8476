package io.columnline.domain.knowledge;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/** A chunk's vector in one embedding space: the model that made it and its dimension (the length). */
public record ChunkEmbedding(UUID chunk, SourceId source, int chunkIndex, String model, float[] vector) {
    public ChunkEmbedding {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(vector, "vector");
        if (model.isBlank() || vector.length == 0) {
            throw new IllegalArgumentException("an embedding names its model and has at least one dimension");
        }
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("an embedding holds finite numbers only");
            }
        }
        vector = vector.clone();
    }

    public int dimension() {
        return vector.length;
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChunkEmbedding e
                && chunk.equals(e.chunk)
                && source.equals(e.source)
                && chunkIndex == e.chunkIndex
                && model.equals(e.model)
                && Arrays.equals(vector, e.vector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chunk, model, Arrays.hashCode(vector));
    }

    @Override
    public String toString() {
        return "ChunkEmbedding[" + chunk + ", " + model + ", " + vector.length + " dimensions]";
    }
}
