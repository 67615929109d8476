package io.columnline.adapters.documents.knowledge;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import io.columnline.application.knowledge.port.out.TextDiff;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** Unified diffs by java-diff-utils (Myers' algorithm), line by line. */
@Singleton
final class UnifiedDiffs implements TextDiff {
    @Inject
    UnifiedDiffs() {}

    @Override
    public String unified(String beforeName, String before, String afterName, String after, int context) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(beforeName, afterName, a, patch, context);
        return String.join("\n", lines) + "\n";
    }
}
