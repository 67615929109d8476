package io.columnline.adapters.search.shared;

import java.nio.file.Path;
import java.util.Objects;

/** The folder under COLUMNLINE_HOME that holds this database's search indexes (derived, rebuildable). */
public record SearchHome(Path directory) {
    public SearchHome {
        Objects.requireNonNull(directory, "directory");
    }
}
