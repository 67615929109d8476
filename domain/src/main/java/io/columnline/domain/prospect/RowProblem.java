package io.columnline.domain.prospect;

import java.util.Objects;

/** Why one row of a file was refused: the line, the column (or empty), the value and the reason. */
public record RowProblem(long line, String column, String value, String reason) {
    public RowProblem {
        Objects.requireNonNull(reason, "reason");
        column = column == null ? "" : column;
        value = value == null ? "" : value;
    }
}
