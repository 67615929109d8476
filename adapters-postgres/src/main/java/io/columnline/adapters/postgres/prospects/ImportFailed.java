package io.columnline.adapters.postgres.prospects;

/** The database refused an import as a whole; nothing of it was kept. */
final class ImportFailed extends RuntimeException {
    ImportFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
