package io.columnline.application.port.out;

public interface StorageHealth {
    boolean reachableAndCurrent();
}
