package io.columnline.adapters.documents.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffsTest {
    private final UnifiedDiffs diffs = new UnifiedDiffs();

    @Test
    void a_changed_line_is_a_hunk_with_its_context_and_equal_texts_have_no_diff() {
        String before = "# Vision\n\nWe sell tea.\nTo cafés.\n";
        String after = "# Vision\n\nWe sell chamomile tea.\nTo cafés.\n";
        assertThat(diffs.unified("p1 v1", before, "p1 v2", after, 3))
                .isEqualTo(
                        "--- p1 v1\n+++ p1 v2\n@@ -1,4 +1,4 @@\n # Vision\n \n-We sell tea.\n+We sell chamomile tea.\n"
                                + " To cafés.\n");
        assertThat(diffs.unified("a", before, "b", before, 3)).isEmpty();
    }
}
