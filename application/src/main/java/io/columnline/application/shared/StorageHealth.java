package io.columnline.application.shared;

public interface StorageHealth {
    boolean reachableAndCurrent();
}
