package io.columnline.adapters.embeddings.knowledge;

import java.nio.file.Path;

/** Where the in-process model's runtime keeps its files (DJL's cache, instead of {@code ~/.djl.ai}). */
public record EmbedderHome(Path directory) {}
