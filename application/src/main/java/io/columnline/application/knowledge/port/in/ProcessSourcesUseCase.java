package io.columnline.application.knowledge.port.in;

/** The background work: reads and chunks pending sources, one claim at a time. */
public interface ProcessSourcesUseCase {
    /** Processes one waiting source; false when none was waiting. */
    boolean processNext();
}
