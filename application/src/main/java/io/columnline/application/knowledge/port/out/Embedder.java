package io.columnline.application.knowledge.port.out;

import java.util.List;

/** Turns texts into vectors of one embedding space. */
public interface Embedder {
    /** The model's name, recorded with every vector it makes. */
    String model();

    int dimension();

    /**
     * One unit-length vector per text, in order. A text longer than the model reads at once is
     * embedded window by window and the windows pooled: no part of a text is ever left out. Texts
     * are never blank (chunks and queries are not).
     */
    List<float[]> embed(List<String> texts);
}
