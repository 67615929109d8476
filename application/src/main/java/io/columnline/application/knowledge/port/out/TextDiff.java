package io.columnline.application.knowledge.port.out;

/** Line diffs of two texts. */
public interface TextDiff {
    /**
     * A unified diff (the format {@code diff -u} and {@code patch} read) from {@code before} to
     * {@code after}, with {@code context} unchanged lines around each change; empty when equal.
     */
    String unified(String beforeName, String before, String afterName, String after, int context);
}
