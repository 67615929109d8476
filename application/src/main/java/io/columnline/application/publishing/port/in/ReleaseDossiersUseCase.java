package io.columnline.application.publishing.port.in;

/** Releases scheduled dossiers whose release date has come (in their client's time zone). */
public interface ReleaseDossiersUseCase {
    /** Returns how many were released. */
    int releaseDue();
}
